import { describe, expect, it } from "vitest";
import { createCaller } from "../router.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, recordStatements, sessionLookUpsIn, TEST_PASSWORD } from "../testing/index.ts";
import { createContext } from "../core/context.ts";

/**
 * Issue 15: a request validates its session and loads its user in one statement, once, however many
 * procedures (and loaders) it runs.
 */
function pageRequest(token: string, method = "GET"): Request {
  return new Request("http://localhost:3000/t/x/visits", { method, headers: { cookie: `vigil_session=${token}`, "sec-fetch-site": "same-origin" } });
}

describe("the session look-up", () => {
  it("is one statement for the session and its user, shared by every context of one page request", async () => {
    const owner = await createTestUser("Page Owner");
    const workspace = await createTestWorkspace(owner);
    const request = pageRequest(owner.token);
    let users: (string | undefined)[] = [];
    const statements = await recordStatements(async () => {
      // The root, layout and page loaders build their contexts at once, then call their procedures.
      const contexts = await Promise.all([createContext({ request }), createContext({ request }), createContext({ request })]);
      users = contexts.map((ctx) => ctx.user?.name);
      const [, layout, page] = contexts.map((ctx) => createCaller(ctx));
      await Promise.all([
        layout!.workspaces.current({ tenantSlug: workspace.slug }),
        layout!.workspaces.mine(),
        page!.visits.list({ tenantSlug: workspace.slug }),
        page!.visits.filterOptions({ tenantSlug: workspace.slug }),
      ]);
    });
    expect(users).toEqual(["Page Owner", "Page Owner", "Page Owner"]);
    expect(sessionLookUpsIn(statements)).toBe(1);
    // The user is not read again: no query of the users table outside the procedures' own joins.
    expect(statements.filter((text) => /^\s*SELECT\b.*\bFROM "public"\."users"/is.test(text))).toEqual([]);
  });

  it("knows the two-factor state and the preferred language from that one statement", async () => {
    const owner = await createTestUser();
    await createTestWorkspace(owner); // enrols the owner in two-factor sign-in
    const ctx = await createContext({ request: pageRequest(owner.token) });
    expect(ctx.user).toMatchObject({ id: owner.id, email: owner.email, twoFactorEnabled: true, preferredLocale: "en" });
    expect(ctx.session?.userId).toBe(owner.id);
  });

  it("brings the person's workspaces as workspaces.mine lists them, for the workspace switcher", async () => {
    const owner = await createTestUser();
    const first = await createTestWorkspace(owner);
    const second = await createTestWorkspace(owner);
    const ctx = await createContext({ request: pageRequest(owner.token) });
    const mine = await createCaller(ctx).workspaces.mine();
    expect(ctx.user?.workspaces).toEqual(mine.map(({ slug, name }) => ({ slug, name })));
    expect(ctx.user?.workspaces.map((w) => w.slug).sort()).toEqual([first.slug, second.slug].sort());
  });

  it("is not shared by a form post: each context of an action reads the session afresh", async () => {
    const user = await createTestUser();
    const request = pageRequest(user.token, "POST");
    const statements = await recordStatements(() => Promise.all([createContext({ request }), createContext({ request })]));
    expect(sessionLookUpsIn(statements)).toBe(2);
  });

  it("answers signed out for a wrong secret, in that one statement", async () => {
    const user = await createTestUser();
    const [id] = user.token.split(".");
    const statements = await recordStatements(async () => {
      const ctx = await createContext({ request: pageRequest(`${id}.${"a".repeat(24)}`) });
      expect(ctx.user).toBeNull();
      expect(ctx.session).toBeNull();
    });
    expect(sessionLookUpsIn(statements)).toBe(1);
  });

  it("lists no workspace the person has left, nor one awaiting deletion unless they own it", async () => {
    const owner = await createTestUser();
    const [kept, left, deleting] = await Promise.all([createTestWorkspace(owner), createTestWorkspace(owner), createTestWorkspace(owner)]);
    const member = await createTestUser();
    const memberships = [];
    for (const ws of [kept, left, deleting]) memberships.push(await addMember(ws.id, member, "monitor"));
    const { caller } = await callerFor(owner);
    await caller.members.remove({ tenantSlug: left.slug, membershipId: memberships[1]!.id });
    await caller.workspaceDeletion.schedule({ tenantSlug: deleting.slug, confirmName: deleting.name, reauthentication: TEST_PASSWORD });
    const stranger = await createTestUser();
    const [memberCtx, ownerCtx, strangerCtx] = await Promise.all([member, owner, stranger].map((user) => createContext({ request: pageRequest(user.token) })));
    expect(memberCtx!.user?.workspaces.map((w) => w.slug)).toEqual([kept.slug]);
    expect(ownerCtx!.user?.workspaces.map((w) => w.slug).sort()).toEqual([kept.slug, left.slug, deleting.slug].sort());
    expect(strangerCtx!.user?.workspaces).toEqual([]);
  });
});

