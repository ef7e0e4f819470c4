import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "../router.ts";
import { callerFor, createTestUser, createTestWorkspace } from "../testing/index.ts";
import { readInWorkspace } from "../core/shared-workspace.ts";

/**
 * A loader's procedures, started at once (Promise.all), share one transaction (decision 0178): their
 * statements take turns on its one connection in Vigil's client, not in node-postgres's deprecated
 * queue (decision 0181), and the transaction's time limit is the page's, not one procedure's.
 */
describe("readInWorkspace, queries started at once", () => {
  let warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  beforeEach(() => {
    warnings = [];
    process.on("warning", onWarning);
  });
  afterEach(() => {
    process.off("warning", onWarning);
  });

  it("run one after another on the shared connection, each with its own answer", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const { ctx } = await callerFor(owner);
    const tenantSlug = workspace.slug;
    const [current, members, billing, again] = await readInWorkspace(ctx, tenantSlug, (shared) => {
      const caller = createCaller(shared);
      return Promise.all([caller.workspaces.current({ tenantSlug }), caller.members.list({ tenantSlug }), caller.billing.status({ tenantSlug }), caller.workspaces.current({ tenantSlug })]);
    });
    expect(current.slug).toBe(tenantSlug);
    expect(again).toEqual(current);
    expect(members.map((member) => member.user.id)).toContain(owner.id);
    expect(billing).toBeTruthy();
    // Warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((message) => /already executing a query/i.test(message))).toEqual([]);
  });

  it("a refused procedure does not stop the ones queued behind it", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const { ctx } = await callerFor(owner);
    const tenantSlug = workspace.slug;
    const results = await readInWorkspace(ctx, tenantSlug, (shared) => {
      const caller = createCaller(shared);
      return Promise.allSettled([caller.visits.get({ tenantSlug, visitId: "00000000-0000-4000-8000-000000000000" }), caller.workspaces.current({ tenantSlug })]);
    });
    expect(results.map((result) => result.status)).toEqual(["rejected", "fulfilled"]);
    // visits.get reads a visit with its relations: Prisma sends those reads at once (prisma/orm#29979).
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((message) => /already executing a query/i.test(message))).toEqual([]);
  });

  it("outlasts one procedure's five-second limit: a page's reads share one transaction", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const { ctx } = await callerFor(owner);
    const tenantSlug = workspace.slug;
    const current = await readInWorkspace(ctx, tenantSlug, async (shared) => {
      // A slow page under load: its earlier reads took longer than Prisma's default 5 s together.
      const tx = shared.sharedWorkspace?.tx;
      if (!tx) throw new Error("no shared transaction");
      await tx.$queryRaw`SELECT pg_sleep(5.5)::text`;
      return createCaller(shared).workspaces.current({ tenantSlug });
    });
    expect(current.slug).toBe(tenantSlug);
  }, 20_000);
});
