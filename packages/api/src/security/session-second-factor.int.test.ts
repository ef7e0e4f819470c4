import { TRPCError } from "@trpc/server";
import { createSession, PENDING_SIGN_IN_COOKIE, totpCode } from "@vigil/auth";
import { asUser } from "@vigil/db";
import { describe, expect, it } from "vitest";
import { createContext } from "../core/context.ts";
import { SECOND_FACTOR_DUE, TWO_FACTOR_REQUIRED } from "../core/two-factor-policy.ts";
import { setPlatformOperator } from "../platform/operators.ts";
import { createTestOperator } from "../platform/testing.ts";
import { createCaller } from "../router.ts";
import { openTotpSecret } from "./totp-secrets.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, enrolTestTwoFactor, sessionTokenFrom, TEST_PASSWORD } from "../testing/index.ts";

// Two-factor belongs to the session, not the account (decision 0265).

async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await call.then(() => null, (e: unknown) => e);
  if (error === null) return "OK";
  if (!(error instanceof TRPCError)) throw error;
  return `${error.code} ${error.message}`;
}

/** Is this session token still signed in? */
async function signedIn(token: string): Promise<boolean> {
  return (await (await callerFor({ token })).caller.auth.me()) !== null;
}

/** Turns two-factor on through the procedures, as the enrolment page does; returns the new session's token. */
async function enrolInSession(user: { id: string; token: string }) {
  const { caller, resHeaders } = await callerFor(user);
  await caller.twoFactor.enrolment();
  const secret = openTotpSecret(user.id, await asUser(user.id, (tx) => tx.userTwoFactor.findUniqueOrThrow({ where: { userId: user.id } })));
  const result = await caller.twoFactor.confirm({ code: totpCode(secret), reauthentication: TEST_PASSWORD });
  return { secret, result, token: sessionTokenFrom(resHeaders) };
}

/** A sign-in through both steps (password, then a code from the next 30-second step); returns the session's token. */
async function signInWithCode(email: string, secret: Uint8Array, ipAddress: string): Promise<string> {
  const first = await callerFor(null, { ipAddress });
  const answer = await first.caller.auth.signIn({ email, password: TEST_PASSWORD });
  expect(answer.secondFactorDue).toBe(true);
  const pending = new RegExp(`${PENDING_SIGN_IN_COOKIE}=([^;]*)`).exec(first.resHeaders.get("set-cookie") ?? "")![1]!;
  const headers = new Headers({ "sec-fetch-site": "same-origin", cookie: `${PENDING_SIGN_IN_COOKIE}=${pending}` });
  const resHeaders = new Headers();
  const ctx = await createContext({ request: new Request("http://localhost:3000/api/trpc", { method: "POST", headers }), resHeaders, ipAddress });
  await createCaller(ctx).twoFactor.completeSignIn({ code: totpCode(secret, new Date(Date.now() + 30_000)) });
  return sessionTokenFrom(resHeaders)!;
}

describe("the operator console asks the session for the second factor", () => {
  it("refuses an operator whose session was signed in before two-factor was turned on; ends it when it is turned on elsewhere", async () => {
    const operator = await createTestUser("Operator");
    await setPlatformOperator(operator.email);
    // Signed in with the password alone on a second browser (or a copy of its cookie, stolen).
    const earlier = await createSession(operator.id);
    expect(await refusal((await callerFor(operator)).caller.platform.workspaces())).toBe(`FORBIDDEN ${TWO_FACTOR_REQUIRED}`);

    const { token, result } = await enrolInSession(operator);
    expect(result.otherSessionsSignedOut).toBe(1);
    // Both password-only sessions are gone: the other one, and this browser's old token (replaced).
    expect(await signedIn(earlier.token)).toBe(false);
    expect(await signedIn(operator.token)).toBe(false);
    expect(token).toBeTruthy();
    expect(await refusal((await callerFor({ token: token! })).caller.platform.workspaces())).toBe("OK");
  });

  it("refuses a session of an enrolled operator that never passed the code, and admits one that did", async () => {
    const operator = await createTestOperator();
    const secret = await enrolTestTwoFactor(operator.id);
    const passwordOnly = await createSession(operator.id);
    expect(await refusal((await callerFor(passwordOnly)).caller.platform.workspaces())).toBe(`FORBIDDEN ${SECOND_FACTOR_DUE}`);
    expect(await refusal((await callerFor(passwordOnly)).caller.platform.suspend({ workspaceId: "00000000-0000-4000-8000-000000000000", reason: "x" }))).toBe(
      `FORBIDDEN ${SECOND_FACTOR_DUE}`,
    );
    const token = await signInWithCode(operator.email, secret, "10.91.0.1");
    expect(await refusal((await callerFor({ token })).caller.platform.workspaces())).toBe("OK");
  });

  it("refuses a stranger and an operator without two-factor, whatever their session", async () => {
    const [stranger, unenrolled] = await Promise.all([createTestUser(), createTestUser()]);
    await enrolTestTwoFactor(stranger.id);
    await setPlatformOperator(unenrolled.email);
    expect(await refusal((await callerFor(stranger)).caller.platform.workspaces())).toBe("FORBIDDEN errors.forbidden");
    expect(await refusal((await callerFor(unenrolled)).caller.platform.workspaces())).toBe(`FORBIDDEN ${TWO_FACTOR_REQUIRED}`);
  });

  it("does not count a mark older than the account's current enrolment (two-factor turned off and on again)", async () => {
    const operator = await createTestOperator();
    expect(await refusal((await callerFor(operator)).caller.platform.workspaces())).toBe("OK");
    await asUser(operator.id, (tx) => tx.userTwoFactor.update({ where: { userId: operator.id }, data: { enabledAt: new Date(Date.now() + 60_000) } }));
    expect(await refusal((await callerFor(operator)).caller.platform.workspaces())).toBe(`FORBIDDEN ${SECOND_FACTOR_DUE}`);
  });
});

describe("workspaces that require two-factor ask the session too", () => {
  it("refuses an owner's password-only session, and a member's where the workspace requires it; a monitor elsewhere works", async () => {
    const [owner, monitor] = await Promise.all([createTestUser(), createTestUser()]);
    const workspace = await createTestWorkspace(owner);
    const relaxed = await createTestWorkspace(owner);
    await addMember(workspace.id, monitor, "monitor");
    await addMember(relaxed.id, monitor, "monitor");
    await (await callerFor(owner)).caller.twoFactor.setWorkspaceRequirement({ tenantSlug: workspace.slug, required: true });
    await enrolTestTwoFactor(monitor.id);
    const ownerPasswordOnly = await createSession(owner.id);
    const monitorPasswordOnly = await createSession(monitor.id);

    expect(await refusal((await callerFor(ownerPasswordOnly)).caller.members.list({ tenantSlug: workspace.slug }))).toBe(`FORBIDDEN ${SECOND_FACTOR_DUE}`);
    expect(await refusal((await callerFor(ownerPasswordOnly)).caller.members.list({ tenantSlug: relaxed.slug }))).toBe(`FORBIDDEN ${SECOND_FACTOR_DUE}`);
    expect(await refusal((await callerFor(monitorPasswordOnly)).caller.workspaces.current({ tenantSlug: workspace.slug }))).toBe(`FORBIDDEN ${SECOND_FACTOR_DUE}`);
    expect(await refusal((await callerFor(monitorPasswordOnly)).caller.workspaces.current({ tenantSlug: relaxed.slug }))).toBe("OK");
    // Sessions that passed the code (enrolTestTwoFactor counts the earlier ones as such) work.
    expect(await refusal((await callerFor(owner)).caller.members.list({ tenantSlug: workspace.slug }))).toBe("OK");
    expect(await refusal((await callerFor(monitor)).caller.workspaces.current({ tenantSlug: workspace.slug }))).toBe("OK");
  });
});

describe("a session steps up with a code (twoFactor.verifySession)", () => {
  it("continues on a new token that has the factor; the old token is gone, and a wrong code changes nothing", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const secret = await enrolTestTwoFactor(owner.id);
    const passwordOnly = await createSession(owner.id, {}, {});

    const wrong = await callerFor(passwordOnly, { ipAddress: "10.92.0.1" });
    expect(await refusal(wrong.caller.twoFactor.verifySession({ code: "000000" }))).toBe("BAD_REQUEST securityErrors.wrongCode");
    expect(sessionTokenFrom(wrong.resHeaders)).toBeNull();
    expect(await refusal((await callerFor(passwordOnly)).caller.members.list({ tenantSlug: workspace.slug }))).toBe(`FORBIDDEN ${SECOND_FACTOR_DUE}`);

    const step = await callerFor(passwordOnly, { ipAddress: "10.92.0.1" });
    await step.caller.twoFactor.verifySession({ code: totpCode(secret) });
    const token = sessionTokenFrom(step.resHeaders)!;
    expect(token).toBeTruthy();
    expect(await signedIn(passwordOnly.token)).toBe(false);
    expect(await refusal((await callerFor({ token })).caller.members.list({ tenantSlug: workspace.slug }))).toBe("OK");
  });

  it("is for enrolled accounts only, and refuses the signed-out", async () => {
    const user = await createTestUser();
    expect(await refusal((await callerFor(user)).caller.twoFactor.verifySession({ code: "123456" }))).toBe(`FORBIDDEN ${TWO_FACTOR_REQUIRED}`);
    expect(await refusal((await callerFor(null)).caller.twoFactor.verifySession({ code: "123456" }))).toBe("UNAUTHORIZED errors.unauthorized");
  });
});

describe("changing the account's factors ends its other sessions", () => {
  it("new recovery codes: from a session that passed the factor only; the other sessions end", async () => {
    const user = await createTestUser();
    await enrolTestTwoFactor(user.id);
    const passwordOnly = await createSession(user.id);
    expect(await refusal((await callerFor(passwordOnly)).caller.twoFactor.regenerateRecoveryCodes({ reauthentication: TEST_PASSWORD }))).toBe(
      `FORBIDDEN ${SECOND_FACTOR_DUE}`,
    );
    const other = await createSession(user.id, {}, { secondFactor: true });
    const result = await (await callerFor(user)).caller.twoFactor.regenerateRecoveryCodes({ reauthentication: TEST_PASSWORD });
    expect(result.recoveryCodes).toHaveLength(10);
    expect(result.otherSessionsSignedOut).toBe(2);
    expect(await signedIn(other.token)).toBe(false);
    expect(await signedIn(passwordOnly.token)).toBe(false);
    expect(await signedIn(user.token)).toBe(true);
  });

  it("turning two-factor off: the other sessions end, this one stays", async () => {
    const user = await createTestUser();
    const secret = await enrolTestTwoFactor(user.id);
    const other = await createSession(user.id, {}, { secondFactor: true });
    const result = await (await callerFor(user)).caller.twoFactor.disable({ code: totpCode(secret) });
    expect(result.otherSessionsSignedOut).toBe(1);
    expect(await signedIn(other.token)).toBe(false);
    expect(await signedIn(user.token)).toBe(true);
  });
});

describe("changing the password", () => {
  it("ends the other sessions and the sign-ins waiting for their code", async () => {
    const user = await createTestUser();
    await enrolTestTwoFactor(user.id);
    const other = await createSession(user.id, {}, { secondFactor: true });
    // Someone who knew the old password is between the two steps of a sign-in.
    const pending = await callerFor(null, { ipAddress: "10.93.0.1" });
    expect((await pending.caller.auth.signIn({ email: user.email, password: TEST_PASSWORD })).secondFactorDue).toBe(true);
    expect(await asUser(user.id, (tx) => tx.pendingSignIn.count({ where: { userId: user.id } }))).toBe(1);

    const result = await (await callerFor(user)).caller.profile.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase 2026" });
    expect(result.otherSessionsSignedOut).toBe(1);
    expect(await signedIn(other.token)).toBe(false);
    expect(await signedIn(user.token)).toBe(true);
    expect(await asUser(user.id, (tx) => tx.pendingSignIn.count({ where: { userId: user.id } }))).toBe(0);
  });
});

describe("a session without the factor cannot take the account from the sessions that have it", () => {
  it("refuses changing the password and signing out other sessions; the proved sessions stay", async () => {
    const user = await createTestUser();
    await enrolTestTwoFactor(user.id);
    // A stolen cookie of a session signed in with the password alone (e.g. from before the migration).
    const passwordOnly = await createSession(user.id);
    const { caller } = await callerFor(passwordOnly);
    expect(await refusal(caller.profile.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "the thief's new passphrase" }))).toBe(`FORBIDDEN ${SECOND_FACTOR_DUE}`);
    expect(await refusal(caller.sessions.revokeOthers())).toBe(`FORBIDDEN ${SECOND_FACTOR_DUE}`);
    const mine = (await (await callerFor(user)).caller.sessions.list()).find((session) => session.current)!;
    expect(await refusal(caller.sessions.revoke({ sessionId: mine.id }))).toBe(`FORBIDDEN ${SECOND_FACTOR_DUE}`);
    expect(await signedIn(user.token)).toBe(true);
    // The owner, on a session with the factor, still can.
    expect((await (await callerFor(user)).caller.sessions.revokeOthers()).count).toBe(1);
    expect(await signedIn(passwordOnly.token)).toBe(false);
  });
});
