import { describe, expect, it } from "vitest";
import { createCaller } from "../router.ts";
import { addMember, callerFor, codeOf, createTestUser, createTestWorkspace, recordStatements, transactionsIn } from "../testing/index.ts";
import { readInWorkspace } from "../core/shared-workspace.ts";

/** A page loader's one read transaction (decision 0178): shared by its queries, with every gate kept. */
describe("readInWorkspace", () => {
  it("lets the queries of one workspace read in one transaction", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const { ctx } = await callerFor(owner);
    const statements = await recordStatements(() =>
      readInWorkspace(ctx, workspace.slug, (shared) => {
        const caller = createCaller(shared);
        return Promise.all([caller.workspaces.current({ tenantSlug: workspace.slug }), caller.members.list({ tenantSlug: workspace.slug }), caller.billing.status({ tenantSlug: workspace.slug })]);
      }),
    );
    expect(transactionsIn(statements)).toBe(1);
  });

  it("still applies each procedure's role, and refuses a non-member as before", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const viewer = await createTestUser();
    await addMember(workspace.id, viewer, "viewer");
    const { ctx } = await callerFor(viewer);
    const codes = await readInWorkspace(ctx, workspace.slug, (shared) => {
      const caller = createCaller(shared);
      return Promise.all([codeOf(caller.members.list({ tenantSlug: workspace.slug })), codeOf(caller.members.invitations({ tenantSlug: workspace.slug }))]);
    });
    expect(codes).toEqual(["OK", "FORBIDDEN"]);

    const stranger = await createTestUser();
    const strangerCtx = (await callerFor(stranger)).ctx;
    const refused = await readInWorkspace(strangerCtx, workspace.slug, (shared) => codeOf(createCaller(shared).members.list({ tenantSlug: workspace.slug })));
    expect(refused).toBe("NOT_FOUND");
  });

  it("is not used by another workspace's procedures nor by a mutation", async () => {
    const owner = await createTestUser();
    const first = await createTestWorkspace(owner);
    const second = await createTestWorkspace(owner);
    const { ctx } = await callerFor(owner);
    const statements = await recordStatements(() =>
      readInWorkspace(ctx, first.slug, async (shared) => {
        const caller = createCaller(shared);
        // The other workspace's query opens its own transaction, bound to that workspace.
        expect((await caller.workspaces.current({ tenantSlug: second.slug })).id).toBe(second.id);
        await caller.twoFactor.setWorkspaceRequirement({ tenantSlug: first.slug, required: true });
      }),
    );
    expect(transactionsIn(statements)).toBe(3);
  });

  it("gives each query its own answer when a sibling is refused or finds nothing", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const { ctx } = await callerFor(owner);
    const tenantSlug = workspace.slug;
    const codes = await readInWorkspace(ctx, tenantSlug, async (shared) => {
      const caller = createCaller(shared);
      const first = await Promise.all([codeOf(caller.visits.get({ tenantSlug, visitId: "00000000-0000-4000-8000-000000000000" })), codeOf(caller.members.list({ tenantSlug }))]);
      // After the refusal the transaction still answers (a refusal is no database error).
      return [...first, await codeOf(caller.visits.list({ tenantSlug }))];
    });
    expect(codes).toEqual(["NOT_FOUND", "OK", "OK"]);
  });
});

