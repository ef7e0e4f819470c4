import { consumeAttempt } from "@vigil/auth";
import { withTenant } from "@vigil/db";
import { describe, expect, it } from "vitest";
import { VERIFICATION_LIMIT } from "../account/recovery.ts";
import { INVITATION_LIMIT } from "../members/invitations.ts";
import { EXPORT_LIMIT } from "../workspaces/export.ts";
import { callerFor, codeOf, createTestUser, createTestWorkspace, TEST_PASSWORD, unique } from "../testing/index.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";

useSmtpReceiver();

/**
 * reservePerSubject (core/attempt-limits.ts) through the procedures that use it: each subject has its
 * own allowance, in the bucket it had before the helper (so counts survive the deploy), and one
 * subject's exhausted allowance refuses that subject only, never another workspace or account.
 */
async function exhaust(bucket: string, rule: { limit: number; windowMs: number }) {
  for (let i = 0; i < rule.limit; i += 1) expect((await consumeAttempt(bucket, rule)).allowed).toBe(true);
}

describe("per-subject limits", () => {
  it("invitations: a workspace's spent hourly allowance refuses that workspace only", async () => {
    const [ownerA, ownerB] = await Promise.all([createTestUser(), createTestUser()]);
    const [a, b] = await Promise.all([createTestWorkspace(ownerA), createTestWorkspace(ownerB)]);
    await exhaust(`invite:tenant:${a.id}`, INVITATION_LIMIT);
    const invite = async (owner: typeof ownerA, slug: string) =>
      codeOf((await callerFor(owner)).caller.members.invite({ tenantSlug: slug, email: `${unique("inv")}@example.org`, role: "monitor" }));
    expect(await invite(ownerA, a.slug)).toBe("TOO_MANY_REQUESTS");
    expect(await invite(ownerB, b.slug)).toBe("OK");
    // The refused invitation left nothing behind.
    expect(await withTenant(a.id, null, (tx) => tx.invitation.count())).toBe(0);
  });

  it("invitations: the 31st of an hour is refused, counted per workspace", async () => {
    const [ownerA, ownerB] = await Promise.all([createTestUser(), createTestUser()]);
    const [a, b] = await Promise.all([createTestWorkspace(ownerA), createTestWorkspace(ownerB)]);
    await exhaust(`invite:tenant:${b.id}`, { ...INVITATION_LIMIT, limit: INVITATION_LIMIT.limit - 1 });
    const { caller } = await callerFor(ownerA);
    const outcomes: string[] = [];
    for (let i = 0; i < INVITATION_LIMIT.limit + 1; i += 1) {
      outcomes.push(await codeOf(caller.members.invite({ tenantSlug: a.slug, email: `${unique("inv")}@example.org`, role: "viewer" })));
    }
    expect(outcomes.filter((o) => o === "OK")).toHaveLength(INVITATION_LIMIT.limit);
    expect(outcomes.at(-1)).toBe("TOO_MANY_REQUESTS");
    // B had used 29 of its own 30: one more is still allowed, then it is refused.
    const b1 = (await callerFor(ownerB)).caller;
    expect(await codeOf(b1.members.invite({ tenantSlug: b.slug, email: `${unique("inv")}@example.org`, role: "viewer" }))).toBe("OK");
    expect(await codeOf(b1.members.invite({ tenantSlug: b.slug, email: `${unique("inv")}@example.org`, role: "viewer" }))).toBe("TOO_MANY_REQUESTS");
  });

  it("exports: a workspace's spent allowance refuses it before any export row or job exists", async () => {
    const owner = await createTestUser();
    const a = await createTestWorkspace(owner);
    await exhaust(`export:tenant:${a.id}`, EXPORT_LIMIT);
    const { caller } = await callerFor(owner);
    expect(await codeOf(caller.workspaceExport.start({ tenantSlug: a.slug, reauthentication: TEST_PASSWORD }))).toBe("TOO_MANY_REQUESTS");
    expect(await withTenant(a.id, null, (tx) => tx.workspaceExport.count())).toBe(0);
  });

  it("verification mails: an account's spent allowance refuses that account only", async () => {
    const [spent, fresh] = await Promise.all([createTestUser(), createTestUser()]);
    await exhaust(`verify-email:account:${spent.id}`, VERIFICATION_LIMIT);
    expect(await codeOf((await callerFor(spent)).caller.accountRecovery.resendVerification())).toBe("TOO_MANY_REQUESTS");
    expect(await codeOf((await callerFor(fresh)).caller.accountRecovery.resendVerification())).toBe("OK");
  });
});
