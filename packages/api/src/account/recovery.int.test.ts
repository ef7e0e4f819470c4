import { TRPCError } from "@trpc/server";
import { createSession, validateSessionToken } from "@vigil/auth";
import { withTenant } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import { describe, expect, it } from "vitest";
import { ACCOUNT_TOKEN_TTL_MS } from "./tokens.ts";
import { callerFor, createTestUser, createTestWorkspace, TEST_PASSWORD, unique } from "../testing/index.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";

const smtp = useSmtpReceiver();

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, key: error.message };
}

/** The token of the newest link to `path` in the mails `email` received. */
async function linkTokenFor(email: string, path: string): Promise<string> {
  await smtp.waitFor(email);
  await expect.poll(() => smtp.messages.filter((m) => m.text?.includes(path) && JSON.stringify(m.to).includes(email)).length).toBeGreaterThan(0);
  const mails = smtp.messages.filter((m) => m.text?.includes(path) && JSON.stringify(m.to).includes(email));
  return new RegExp(`${path}([a-z2-7]{48})`).exec(mails.at(-1)!.text!)![1]!;
}

async function requestReset(email: string, ipAddress = "10.80.0.1") {
  await (await callerFor(null, { ipAddress })).caller.accountRecovery.requestPasswordReset({ email });
}

describe("password reset by e-mail", () => {
  it("sends a single-use link through SMTP that sets the password and signs out every session", async () => {
    const user = await createTestUser();
    const other = await createSession(user.id);
    await requestReset(user.email);
    const token = await linkTokenFor(user.email, "/reset-password/");
    const mail = smtp.messages.find((m) => m.text?.includes(token))!;
    expect(mail.subject).toBe("Reset your Vigil password");

    const newPassword = `river lantern ${unique("pw")}`;
    const { caller, resHeaders } = await callerFor(user);
    await caller.accountRecovery.resetPassword({ token, password: newPassword });
    expect(resHeaders.get("set-cookie")).toMatch(/vigil_session=;/);
    expect(await validateSessionToken(user.token)).toBeNull();
    expect(await validateSessionToken(other.token)).toBeNull();
    await (await callerFor(null)).caller.auth.signIn({ email: user.email, password: newPassword });

    // Used once: the same link is refused.
    const again = await errorOf((await callerFor(null)).caller.accountRecovery.resetPassword({ token, password: `another ${newPassword}` }));
    expect(again).toEqual({ code: "CONFLICT", key: "securityErrors.linkUsed" });
  });

  it("a refused new password leaves the link working", async () => {
    const user = await createTestUser();
    await requestReset(user.email, "10.80.0.4");
    const token = await linkTokenFor(user.email, "/reset-password/");
    const weak = await errorOf((await callerFor(null)).caller.accountRecovery.resetPassword({ token, password: "password123" }));
    expect(weak).toEqual({ code: "BAD_REQUEST", key: "validation.passwordTooCommon" });
    // Nothing changed: the old password still works, the link is unused.
    expect((await privilegedDb().accountToken.findFirstOrThrow({ where: { userId: user.id, purpose: "password_reset" } })).usedAt).toBeNull();
    const newPassword = `harbour compass ${unique("pw")}`;
    await (await callerFor(null)).caller.accountRecovery.resetPassword({ token, password: newPassword });
    await (await callerFor(null, { ipAddress: "10.80.0.5" })).caller.auth.signIn({ email: user.email, password: newPassword });
  });

  it("refuses a link older than one hour", async () => {
    const user = await createTestUser();
    await requestReset(user.email, "10.80.0.2");
    const token = await linkTokenFor(user.email, "/reset-password/");
    await privilegedDb().accountToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(ACCOUNT_TOKEN_TTL_MS.password_reset).toBe(60 * 60 * 1000);
    const expired = await errorOf((await callerFor(null)).caller.accountRecovery.resetPassword({ token, password: "a fresh long password 1" }));
    expect(expired).toEqual({ code: "BAD_REQUEST", key: "securityErrors.linkExpired" });
    await (await callerFor(null)).caller.auth.signIn({ email: user.email, password: TEST_PASSWORD });
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const nobody = `${unique("nobody")}@example.org`;
    await expect(requestReset(nobody, "10.80.0.3")).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages.some((m) => JSON.stringify(m.to).includes(nobody))).toBe(false);
    expect(await errorOf((await callerFor(null)).caller.accountRecovery.resetPassword({ token: "a".repeat(48), password: "a fresh long password 1" }))).toEqual({
      code: "NOT_FOUND", key: "securityErrors.linkInvalid",
    });
  });

  it("limits reset requests per address", async () => {
    const email = `${unique("flood")}@example.org`;
    for (let i = 0; i < 3; i++) await requestReset(email, `10.81.0.${i}`);
    expect((await errorOf(requestReset(email, "10.81.1.1"))).code).toBe("TOO_MANY_REQUESTS");
  });
});

describe("invitation limit", () => {
  it("refuses more than 30 invitations an hour from one workspace", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    await privilegedDb().rateLimitHit.createMany({ data: Array.from({ length: 30 }, () => ({ bucket: `invite:tenant:${workspace.id}` })) });
    const { caller } = await callerFor(owner);
    const refused = await errorOf(caller.members.invite({ tenantSlug: workspace.slug, email: `${unique("one-more")}@example.org`, role: "monitor" }));
    expect(refused).toEqual({ code: "TOO_MANY_REQUESTS", key: "errors.tooManyAttempts" });
  });
});

describe("e-mail verification", () => {
  it("sign-up sends a link that verifies the address, once", async () => {
    const email = `${unique("new")}@example.org`;
    await (await callerFor(null)).caller.auth.signUp({
      name: "Vera Verified", email, password: TEST_PASSWORD, workspaceName: "NPM Verify", workspaceSlug: unique("npm"), countryCode: "RS", locale: "en",
    });
    const token = await linkTokenFor(email, "/verify-email/");
    expect((await privilegedDb().user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();
    await (await callerFor(null)).caller.accountRecovery.verifyEmail({ token });
    expect((await privilegedDb().user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeInstanceOf(Date);
    expect((await errorOf((await callerFor(null)).caller.accountRecovery.verifyEmail({ token }))).key).toBe("securityErrors.linkUsed");
  });

  it("an unverified account cannot be invited as admin or owner; as a monitor it can", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const unverified = await createTestUser();
    const { caller } = await callerFor(owner);
    for (const role of ["admin", "owner"] as const) {
      const refused = await errorOf(caller.members.invite({ tenantSlug: workspace.slug, email: unverified.email, role }));
      expect(refused).toEqual({ code: "BAD_REQUEST", key: "securityErrors.unverifiedAdmin" });
    }
    await caller.members.invite({ tenantSlug: workspace.slug, email: unverified.email, role: "monitor" });
    await privilegedDb().user.update({ where: { id: unverified.id }, data: { emailVerifiedAt: new Date() } });
    const verified = await createTestUser();
    await privilegedDb().user.update({ where: { id: verified.id }, data: { emailVerifiedAt: new Date() } });
    await caller.members.invite({ tenantSlug: workspace.slug, email: verified.email, role: "admin" });
    const pending = await withTenant(workspace.id, null, (tx) => tx.invitation.findMany({ select: { email: true, role: true } }));
    expect(pending).toEqual(expect.arrayContaining([{ email: verified.email, role: "admin" }, { email: unverified.email, role: "monitor" }]));
    expect(pending.some((i) => i.email === unverified.email && i.role === "admin")).toBe(false);
  });
});
