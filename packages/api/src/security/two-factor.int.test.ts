import { TRPCError } from "@trpc/server";
import { formatTotpSecret, PENDING_SIGN_IN_COOKIE, totpCode } from "@vigil/auth";
import { withTenant } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import { describe, expect, it } from "vitest";
import { createContext } from "../core/context.ts";
import { createCaller } from "../router.ts";
import { openTotpSecret } from "./totp-secrets.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, enrolTestTwoFactor, sessionTokenFrom, TEST_PASSWORD } from "../testing/index.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";

const smtp = useSmtpReceiver();

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, key: error.message };
}

/** A caller carrying only the pending-sign-in cookie, as the browser does between the two steps. */
async function secondStepCaller(pendingCookie: string | null, ipAddress: string) {
  const headers = new Headers({ "sec-fetch-site": "same-origin" });
  if (pendingCookie) headers.set("cookie", `${PENDING_SIGN_IN_COOKIE}=${pendingCookie}`);
  const resHeaders = new Headers();
  const ctx = await createContext({ request: new Request("http://localhost:3000/api/trpc", { method: "POST", headers }), resHeaders, ipAddress });
  return { caller: createCaller(ctx), resHeaders };
}

function pendingTokenFrom(resHeaders: Headers): string | null {
  return new RegExp(`${PENDING_SIGN_IN_COOKIE}=([^;]*)`).exec(resHeaders.get("set-cookie") ?? "")?.[1] || null;
}

/**
 * Enrols through the procedures, with a code computed from the secret the page shows; `token` is the
 * new session this browser continues on (decision 0265).
 */
async function enrolThroughProcedures(user: { id: string; token: string }) {
  const { caller, resHeaders } = await callerFor(user);
  const enrolment = await caller.twoFactor.enrolment();
  expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/Vigil:/);
  // The secret shown for manual entry is the stored one (stored encrypted: decision 0161).
  const secret = openTotpSecret(user.id, await privilegedDb().userTwoFactor.findUniqueOrThrow({ where: { userId: user.id } }));
  expect(enrolment.secret).toBe(formatTotpSecret(secret));
  // Reloading the page keeps the secret the user may already have scanned.
  expect((await caller.twoFactor.enrolment()).secret).toBe(enrolment.secret);
  const { recoveryCodes } = await caller.twoFactor.confirm({ code: totpCode(secret), reauthentication: TEST_PASSWORD });
  return { secret, recoveryCodes, token: sessionTokenFrom(resHeaders)! };
}

async function passwordStep(email: string, ipAddress: string) {
  const { caller, resHeaders } = await callerFor(null, { ipAddress });
  const result = await caller.auth.signIn({ email, password: TEST_PASSWORD });
  return { result, session: sessionTokenFrom(resHeaders), pending: pendingTokenFrom(resHeaders) };
}

describe("two-factor sign-in", () => {
  it("enrols with a TOTP code, then signs in only after the second step", async () => {
    const user = await createTestUser();
    const { secret, recoveryCodes } = await enrolThroughProcedures(user);
    expect(recoveryCodes).toHaveLength(10);
    // Recovery codes are stored hashed, never as written.
    const stored = await privilegedDb().recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    expect(stored.map((row) => Buffer.from(row.codeHash).toString("utf8")).join()).not.toContain(recoveryCodes[0]!);

    const first = await passwordStep(user.email, "10.70.0.1");
    expect(first.result.secondFactorDue).toBe(true);
    expect(first.session).toBeNull();
    expect(first.pending).toBeTruthy();
    // The pending token is no session: presented as one, it signs nobody in.
    expect(await (await callerFor({ token: first.pending! })).caller.auth.me()).toBeNull();

    // Enrolment used the current step; wait for a fresh code rather than replaying it.
    const next = new Date(Date.now() + 30_000);
    const { caller, resHeaders } = await secondStepCaller(first.pending, "10.70.0.1");
    await caller.twoFactor.completeSignIn({ code: totpCode(secret, next) });
    const token = sessionTokenFrom(resHeaders)!;
    expect(await (await callerFor({ token })).caller.auth.me()).toMatchObject({ id: user.id, twoFactorEnabled: true });
    // The pending sign-in was single-use.
    const again = await secondStepCaller(first.pending, "10.70.0.1");
    expect((await errorOf(again.caller.twoFactor.completeSignIn({ code: totpCode(secret) }))).key).toBe("securityErrors.signInExpired");
  });

  it("refuses a code that was already accepted (replay)", async () => {
    const user = await createTestUser();
    const { secret } = await enrolThroughProcedures(user);
    const { pending } = await passwordStep(user.email, "10.71.0.1");
    const { lastUsedStep } = await privilegedDb().userTwoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    const usedCode = totpCode(secret, new Date(Number(lastUsedStep) * 30_000));
    const { caller } = await secondStepCaller(pending, "10.71.0.1");
    expect(await errorOf(caller.twoFactor.completeSignIn({ code: usedCode }))).toMatchObject({ key: "securityErrors.wrongCode" });
  });

  it("accepts each recovery code once", async () => {
    const user = await createTestUser();
    const { recoveryCodes } = await enrolThroughProcedures(user);
    const code = recoveryCodes[3]!;
    const first = await passwordStep(user.email, "10.72.0.1");
    const step = await secondStepCaller(first.pending, "10.72.0.1");
    await step.caller.twoFactor.completeSignIn({ recoveryCode: code.toUpperCase() });
    expect(sessionTokenFrom(step.resHeaders)).toBeTruthy();

    const second = await passwordStep(user.email, "10.72.0.2");
    const reuse = await secondStepCaller(second.pending, "10.72.0.2");
    expect(await errorOf(reuse.caller.twoFactor.completeSignIn({ recoveryCode: code }))).toMatchObject({ code: "BAD_REQUEST", key: "securityErrors.wrongCode" });
    expect(await privilegedDb().recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
  });

  it("limits wrong codes like passwords: after five, even the right code is refused", async () => {
    const user = await createTestUser();
    const { secret } = await enrolThroughProcedures(user);
    const { pending } = await passwordStep(user.email, "10.73.0.1");
    for (let i = 0; i < 5; i++) {
      const { caller } = await secondStepCaller(pending, `10.73.1.${i}`);
      expect((await errorOf(caller.twoFactor.completeSignIn({ code: "000000" }))).code).toBe("BAD_REQUEST");
    }
    const { caller, resHeaders } = await secondStepCaller(pending, "10.73.2.1");
    const locked = await errorOf(caller.twoFactor.completeSignIn({ code: totpCode(secret, new Date(Date.now() + 30_000)) }));
    expect(locked).toMatchObject({ code: "TOO_MANY_REQUESTS", key: "errors.tooManyAttempts" });
    expect(sessionTokenFrom(resHeaders)).toBeNull();
  });
});

describe("turning two-factor sign-in on (decision 0151)", () => {
  it("a stolen session alone cannot enrol an authenticator: the password is asked, and the owner is mailed", async () => {
    const user = await createTestUser();
    const { caller } = await callerFor(user);
    await caller.twoFactor.enrolment();
    const secret = openTotpSecret(user.id, await privilegedDb().userTwoFactor.findUniqueOrThrow({ where: { userId: user.id } }));
    // The attacker's reproduction: the session and a code from the thief's authenticator used to be enough.
    const withoutPassword = await errorOf(caller.twoFactor.confirm({ code: totpCode(secret) } as never));
    expect(withoutPassword.code).toBe("BAD_REQUEST");
    expect(await errorOf(caller.twoFactor.confirm({ code: totpCode(secret), reauthentication: "a guessed password" }))).toEqual({
      code: "BAD_REQUEST", key: "securityErrors.reauthenticationFailed",
    });
    expect((await caller.twoFactor.status()).enabled).toBe(false);

    const { recoveryCodes } = await caller.twoFactor.confirm({ code: totpCode(secret), reauthentication: TEST_PASSWORD });
    expect(recoveryCodes).toHaveLength(10);
    const notice = await smtp.waitFor(user.email);
    expect(notice.subject).toBe("Two-factor sign-in was turned on for your Vigil account");
    expect(notice.text).toContain("/account/two-factor");
  });
});

describe("who must use two-factor sign-in", () => {
  it("an owner who has not enrolled is sent to enrol; once enrolled, works", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    await privilegedDb().userTwoFactor.deleteMany({ where: { userId: owner.id } });
    const before = await errorOf((await callerFor(owner)).caller.workspaces.current({ tenantSlug: workspace.slug }));
    expect(before).toEqual({ code: "FORBIDDEN", key: "securityErrors.twoFactorRequired" });
    const { token } = await enrolThroughProcedures(owner);
    expect(await (await callerFor({ token })).caller.workspaces.current({ tenantSlug: workspace.slug })).toMatchObject({ role: "owner" });
  });

  it("a workspace's requirement applies to every member, and only in that workspace", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const other = await createTestWorkspace(owner);
    const monitor = await createTestUser();
    await addMember(workspace.id, monitor, "monitor");
    await addMember(other.id, monitor, "monitor");
    const asMonitor = (await callerFor(monitor)).caller;
    expect(await asMonitor.workspaces.current({ tenantSlug: workspace.slug })).toMatchObject({ role: "monitor" });

    await (await callerFor(owner)).caller.twoFactor.setWorkspaceRequirement({ tenantSlug: workspace.slug, required: true });
    expect(await errorOf(asMonitor.members.list({ tenantSlug: workspace.slug }))).toEqual({ code: "FORBIDDEN", key: "securityErrors.twoFactorRequired" });
    expect(await asMonitor.workspaces.current({ tenantSlug: other.slug })).toMatchObject({ role: "monitor" });
    const audit = await withTenant(workspace.id, null, (tx) => tx.auditEvent.findMany({ where: { action: "workspace.twoFactorRequirement" } }));
    expect(audit).toMatchObject([{ actorId: owner.id, details: { required: true } }]);
  });

  it("an owner cannot turn two-factor sign-in off", async () => {
    const owner = await createTestUser();
    const secret = await enrolTestTwoFactor(owner.id);
    await createTestWorkspace(owner);
    const refused = await errorOf((await callerFor(owner)).caller.twoFactor.disable({ code: totpCode(secret) }));
    expect(refused).toEqual({ code: "FORBIDDEN", key: "securityErrors.twoFactorStillRequired" });
  });

  it("another workspace's owner cannot change this workspace's requirement", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const stranger = await createTestUser();
    await createTestWorkspace(stranger);
    const attempt = await errorOf((await callerFor(stranger)).caller.twoFactor.setWorkspaceRequirement({ tenantSlug: workspace.slug, required: true }));
    expect(attempt.code).toBe("NOT_FOUND");
    const unchanged = await withTenant(workspace.id, null, (tx) => tx.tenant.findUniqueOrThrow({ where: { id: workspace.id } }));
    expect(unchanged.requireTwoFactor).toBe(false);
  });
});
