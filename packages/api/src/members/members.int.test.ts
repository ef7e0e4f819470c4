import { withTenant } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import { describe, expect, it } from "vitest";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, sessionTokenFrom, TEST_PASSWORD, type TestUser, unique } from "../testing/index.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";

const smtp = useSmtpReceiver();

/** The token from the link in the invitation e-mail that `to` received. */
async function invitationTokenFor(to: string): Promise<string> {
  const mail = await smtp.waitFor(to);
  const link = /https?:\/\/\S+\/invitations\/([a-z2-7]+)/.exec(mail.text ?? "");
  if (!link) throw new Error(`no invitation link in: ${mail.text}`);
  return link[1]!;
}

async function auditActions(tenantId: string) {
  return withTenant(tenantId, null, (tx) => tx.auditEvent.findMany({ orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } }));
}

describe("invitations", () => {
  it("a new person follows the e-mailed link, creates an account and joins with the invited role", async () => {
    const owner = await createTestUser("Olivera Owner");
    const workspace = await createTestWorkspace(owner);
    const email = `${unique("newcomer")}@example.org`;
    await (await callerFor(owner)).caller.members.invite({ tenantSlug: workspace.slug, email, role: "monitor" });

    const mail = await smtp.waitFor(email);
    expect(mail.subject).toBe(`You are invited to “${workspace.name}” on Vigil`);
    expect(mail.text).toContain("“Olivera Owner” invites you");
    const token = await invitationTokenFor(email);

    const preview = await (await callerFor(null)).caller.invitations.preview({ token });
    expect(preview).toMatchObject({ workspaceName: workspace.name, email, role: "monitor" });

    const newcomer = await callerFor(null);
    const joined = await newcomer.caller.invitations.signUpAndAccept({ token, name: "Nikola Newcomer", password: TEST_PASSWORD, locale: "sr-Latn" });
    expect(joined.slug).toBe(workspace.slug);
    const session = { token: sessionTokenFrom(newcomer.resHeaders)! };
    const current = await (await callerFor(session)).caller.workspaces.current({ tenantSlug: workspace.slug });
    expect(current.role).toBe("monitor");

    expect((await auditActions(workspace.id)).map((e) => e.action)).toEqual(["workspace.created", "member.invited", "member.joined"]);
  });

  it("an existing user signed in with the invited address accepts and joins", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const existing = await createTestUser();
    await (await callerFor(owner)).caller.members.invite({ tenantSlug: workspace.slug, email: existing.email.toUpperCase(), role: "coordinator" });
    const token = await invitationTokenFor(existing.email);
    await (await callerFor(existing)).caller.invitations.accept({ token });
    expect((await (await callerFor(existing)).caller.workspaces.mine()).map((w) => [w.slug, w.role])).toContainEqual([workspace.slug, "coordinator"]);
  });

  it("is single-use: a second acceptance is refused", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const invitee = await createTestUser();
    await (await callerFor(owner)).caller.members.invite({ tenantSlug: workspace.slug, email: invitee.email, role: "viewer" });
    const token = await invitationTokenFor(invitee.email);
    await (await callerFor(invitee)).caller.invitations.accept({ token });
    expect(await refusalOf((await callerFor(invitee)).caller.invitations.accept({ token }))).toBe("CONFLICT errors.invitationUsed");
    expect(await refusalOf((await callerFor(null)).caller.invitations.signUpAndAccept({ token, name: "Someone", password: TEST_PASSWORD, locale: "en" }))).toBe(
      "CONFLICT errors.invitationUsed",
    );
  });

  it("an expired invitation is refused", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const invitee = await createTestUser();
    const invitation = await (await callerFor(owner)).caller.members.invite({ tenantSlug: workspace.slug, email: invitee.email, role: "viewer" });
    const token = await invitationTokenFor(invitee.email);
    await privilegedDb().invitation.update({ where: { tenantId_id: { tenantId: workspace.id, id: invitation.id } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await refusalOf((await callerFor(invitee)).caller.invitations.accept({ token }))).toBe("BAD_REQUEST errors.invitationExpired");
    expect((await (await callerFor(invitee)).caller.workspaces.mine()).some((w) => w.slug === workspace.slug)).toBe(false);
  });

  it("expires after 7 days", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const before = Date.now();
    const invitation = await (await callerFor(owner)).caller.members.invite({ tenantSlug: workspace.slug, email: `${unique("x")}@example.org`, role: "viewer" });
    const days = (invitation.expiresAt.getTime() - before) / (24 * 3600 * 1000);
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
  });

  it("cannot be accepted by a different account", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const invitee = `${unique("invitee")}@example.org`;
    await (await callerFor(owner)).caller.members.invite({ tenantSlug: workspace.slug, email: invitee, role: "admin" });
    const token = await invitationTokenFor(invitee);
    const stranger = await createTestUser();
    expect(await refusalOf((await callerFor(stranger)).caller.invitations.accept({ token }))).toBe("FORBIDDEN errors.invitationOtherEmail");
  });

  it("a revoked invitation is refused; an unknown token reveals nothing", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const email = `${unique("revoked")}@example.org`;
    const invitation = await (await callerFor(owner)).caller.members.invite({ tenantSlug: workspace.slug, email, role: "viewer" });
    const token = await invitationTokenFor(email);
    await (await callerFor(owner)).caller.members.revokeInvitation({ tenantSlug: workspace.slug, invitationId: invitation.id });
    expect(await refusalOf((await callerFor(null)).caller.invitations.preview({ token }))).toBe("NOT_FOUND errors.invitationInvalid");
    expect(await refusalOf((await callerFor(null)).caller.invitations.preview({ token: "a".repeat(48) }))).toBe("NOT_FOUND errors.invitationInvalid");
  });

  it("refuses to invite someone who is already a member", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const member = await createTestUser();
    await addMember(workspace.id, member, "viewer");
    expect(await refusalOf((await callerFor(owner)).caller.members.invite({ tenantSlug: workspace.slug, email: member.email, role: "viewer" }))).toBe(
      "CONFLICT errors.alreadyMember",
    );
  });
});

describe("roles and removal", () => {
  async function workspaceWith(...roles: ("owner" | "admin" | "monitor")[]) {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const ownerMembership = await withTenant(workspace.id, null, (tx) => tx.membership.findFirstOrThrow({ where: { userId: owner.id } }));
    const others: { user: TestUser; membershipId: string }[] = [];
    for (const role of roles) {
      const user = await createTestUser();
      others.push({ user, membershipId: (await addMember(workspace.id, user, role)).id });
    }
    return { owner, workspace, ownerMembershipId: ownerMembership.id, others };
  }

  it("an admin changes a member's role and it is audited", async () => {
    const { workspace, others } = await workspaceWith("admin", "monitor");
    const [admin, monitor] = others;
    await (await callerFor(admin!.user)).caller.members.changeRole({ tenantSlug: workspace.slug, membershipId: monitor!.membershipId, role: "coordinator" });
    expect((await (await callerFor(monitor!.user)).caller.workspaces.current({ tenantSlug: workspace.slug })).role).toBe("coordinator");
    const events = await auditActions(workspace.id);
    expect(events.at(-1)).toEqual({ action: "member.roleChanged", actorId: admin!.user.id });
  });

  it("an admin removes a member, who then gets NOT_FOUND for the workspace", async () => {
    const { workspace, others } = await workspaceWith("admin", "monitor");
    const [admin, monitor] = others;
    await (await callerFor(admin!.user)).caller.members.remove({ tenantSlug: workspace.slug, membershipId: monitor!.membershipId });
    expect(await refusalOf((await callerFor(monitor!.user)).caller.workspaces.current({ tenantSlug: workspace.slug }))).toBe("NOT_FOUND errors.notFound");
    expect((await auditActions(workspace.id)).at(-1)?.action).toBe("member.removed");
  });

  it("the last owner cannot be removed or demoted", async () => {
    const { workspace, ownerMembershipId, others } = await workspaceWith("owner");
    const [secondOwner] = others;
    const asSecond = (await callerFor(secondOwner!.user)).caller;
    // With two owners, one may demote the other ...
    await asSecond.members.changeRole({ tenantSlug: workspace.slug, membershipId: ownerMembershipId, role: "admin" });
    // ... but the remaining owner cannot leave the workspace without an owner.
    expect(await refusalOf(asSecond.members.remove({ tenantSlug: workspace.slug, membershipId: secondOwner!.membershipId }))).toBe("CONFLICT errors.lastOwner");
  });

  it("an admin cannot demote or remove an owner, nor create one", async () => {
    const { workspace, ownerMembershipId, others } = await workspaceWith("admin", "monitor");
    const [admin, monitor] = others;
    const asAdmin = (await callerFor(admin!.user)).caller;
    expect(await refusalOf(asAdmin.members.changeRole({ tenantSlug: workspace.slug, membershipId: ownerMembershipId, role: "viewer" }))).toBe("FORBIDDEN errors.adminCannotManageOwner");
    expect(await refusalOf(asAdmin.members.remove({ tenantSlug: workspace.slug, membershipId: ownerMembershipId }))).toBe("FORBIDDEN errors.adminCannotManageOwner");
    expect(await refusalOf(asAdmin.members.changeRole({ tenantSlug: workspace.slug, membershipId: monitor!.membershipId, role: "owner" }))).toBe("FORBIDDEN errors.adminCannotManageOwner");
    expect(await refusalOf(asAdmin.members.invite({ tenantSlug: workspace.slug, email: `${unique("o")}@example.org`, role: "owner" }))).toBe("FORBIDDEN errors.adminCannotManageOwner");
  });

  it("nobody changes their own role", async () => {
    const { owner, workspace, ownerMembershipId } = await workspaceWith("owner");
    expect(await refusalOf((await callerFor(owner)).caller.members.changeRole({ tenantSlug: workspace.slug, membershipId: ownerMembershipId, role: "viewer" }))).toBe(
      "FORBIDDEN errors.cannotChangeOwnRole",
    );
  });
});
