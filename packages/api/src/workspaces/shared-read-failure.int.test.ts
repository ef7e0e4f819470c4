import { describe, expect, it } from "vitest";
import { readInWorkspace } from "../core/shared-workspace.ts";
import { createCaller } from "../router.ts";
import { callerFor, createTestUser, createTestWorkspace } from "../testing/index.ts";

/**
 * A statement that fails in a page's shared read transaction aborts the transaction for every
 * procedure of the page (PostgreSQL: "current transaction is aborted"). The page must fail with the
 * statement's own error, never with a sibling's "transaction is aborted", and the next page must
 * start clean.
 */
describe("readInWorkspace when a statement fails", () => {
  it("fails the page with the failing statement's error, and the next page reads normally", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const { ctx } = await callerFor(owner);
    const tenantSlug = workspace.slug;
    const failed = readInWorkspace(ctx, tenantSlug, (shared) => {
      const caller = createCaller(shared);
      const tx = shared.sharedWorkspace?.tx;
      if (!tx) throw new Error("no shared transaction");
      return Promise.all([caller.members.list({ tenantSlug }), tx.$queryRaw`SELECT 1 / 0`, caller.members.list({ tenantSlug }), caller.billing.status({ tenantSlug })]);
    });
    const error = await failed.then(() => null, (thrown: unknown) => thrown);
    expect(String((error as Error | null)?.message)).toMatch(/division by zero/);
    expect(String((error as Error | null)?.message)).not.toMatch(/transaction is aborted/);

    const [members, current] = await readInWorkspace(ctx, tenantSlug, (shared) => {
      const caller = createCaller(shared);
      return Promise.all([caller.members.list({ tenantSlug }), caller.workspaces.current({ tenantSlug })]);
    });
    expect(members.map((member) => member.user.id)).toContain(owner.id);
    expect(current.slug).toBe(tenantSlug);
  });

  it("a sibling reading after the failure gets an internal error, not another workspace's data or an empty answer", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const { ctx } = await callerFor(owner);
    const tenantSlug = workspace.slug;
    const after = await readInWorkspace(ctx, tenantSlug, async (shared) => {
      const tx = shared.sharedWorkspace?.tx;
      if (!tx) throw new Error("no shared transaction");
      await tx.$queryRaw`SELECT 1 / 0`.catch(() => undefined);
      return createCaller(shared).members.list({ tenantSlug }).then(() => "answered", (error: { code?: string }) => error.code);
    }).catch((error: Error) => `page failed: ${error.message}`);
    expect(after).toBe("INTERNAL_SERVER_ERROR");
  });
});
