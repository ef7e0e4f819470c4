import { consumeAttempt, PENDING_SIGN_IN_COOKIE, totpCode } from "@vigil/auth";
import { appDb } from "@vigil/db";
import { describe, expect, it } from "vitest";
import { handleTrpcRequest } from "./handler.ts";
import { SIGN_IN_LIMITS, SIGN_UP_LIMITS } from "../account/accounts.ts";
import { RESET_LIMITS, VERIFICATION_LIMIT } from "../account/recovery.ts";
import { INVITATION_LIMIT } from "../members/invitations.ts";
import { EXPORT_LIMIT } from "../workspaces/export.ts";
import { TWO_FACTOR_LIMITS } from "../security/two-factor.ts";
import { createTestUser, enrolTestTwoFactor, TEST_PASSWORD, unique } from "../testing/index.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";

const smtp = useSmtpReceiver();

/**
 * Attempt limits hold however the attempts arrive: N at once (in parallel, or as the calls of one
 * batched request) get at most `limit` checks; the rest are refused before anything is checked.
 * Each answer says which happened: a checked wrong secret, or "too many attempts".
 */

type Outcome = "ok" | string;

let ipCounter = 0;
/** A fresh address per test, so that the per-IP limits of different tests never meet. */
function freshIp(): string {
  ipCounter += 1;
  return `10.${90 + (process.pid % 50)}.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

function outcomeOf(entry: { result?: unknown; error?: { data?: { code?: string } } }): Outcome {
  return entry.error ? (entry.error.data?.code ?? "UNKNOWN") : "ok";
}

/** One HTTP request to /api/trpc carrying every input as one call of a batch (`?batch=1`). */
async function batch(path: string, inputs: unknown[], client: { ipAddress: string; cookie?: string }): Promise<Outcome[]> {
  const body = Object.fromEntries(inputs.map((input, index) => [String(index), input]));
  const response = await handleTrpcRequest(
    new Request(`http://localhost:3000/api/trpc/${inputs.map(() => path).join(",")}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", ...(client.cookie ? { cookie: client.cookie } : {}) },
      body: JSON.stringify(body),
    }),
    { ipAddress: client.ipAddress },
  );
  const entries = (await response.json()) as Parameters<typeof outcomeOf>[0][];
  expect(entries).toHaveLength(inputs.length);
  return entries.map(outcomeOf);
}

/** Every input as its own HTTP request, all sent at once. */
async function parallel(path: string, inputs: unknown[], client: { ipAddress: string; cookie?: string }): Promise<Outcome[]> {
  const responses = await Promise.all(
    inputs.map((input) =>
      handleTrpcRequest(
        new Request(`http://localhost:3000/api/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", ...(client.cookie ? { cookie: client.cookie } : {}) },
          body: JSON.stringify(input),
        }),
        { ipAddress: client.ipAddress },
      ),
    ),
  );
  return Promise.all(responses.map(async (response) => outcomeOf((await response.json()) as Parameters<typeof outcomeOf>[0])));
}

function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

/** A six-digit code that is none of the codes the secret accepts right now (the current step and its neighbours). */
function wrongCode(secret: Uint8Array): string {
  const now = Date.now();
  const accepted = new Set([-30_000, 0, 30_000].map((offset) => totpCode(secret, new Date(now + offset))));
  for (let candidate = 0; ; candidate++) {
    const code = String(candidate).padStart(6, "0");
    if (!accepted.has(code)) return code;
  }
}

/** The pending-sign-in cookie after the right password of a two-factor account. */
async function pendingSignIn(email: string, ipAddress: string): Promise<string> {
  const response = await handleTrpcRequest(
    new Request("http://localhost:3000/api/trpc/auth.signIn", {
      method: "POST",
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    }),
    { ipAddress },
  );
  expect(response.status).toBe(200);
  const token = new RegExp(`${PENDING_SIGN_IN_COOKIE}=([^;]+)`).exec(response.headers.get("set-cookie") ?? "")?.[1];
  expect(token).toBeTruthy();
  return `${PENDING_SIGN_IN_COOKIE}=${token}`;
}

describe("sign-in attempt limit under concurrency", () => {
  it("checks at most 5 of 14 parallel wrong passwords for one account", async () => {
    const user = await createTestUser();
    const outcomes = await parallel("auth.signIn", Array.from({ length: 14 }, (_, i) => ({ email: user.email, password: `wrong ${i}` })), { ipAddress: freshIp() });
    expect(tally(outcomes)).toEqual({ UNAUTHORIZED: SIGN_IN_LIMITS.account.limit, TOO_MANY_REQUESTS: 14 - SIGN_IN_LIMITS.account.limit });
    // The right password is refused too now: the account is locked, not just the wrong guesses.
    expect(await parallel("auth.signIn", [{ email: user.email, password: TEST_PASSWORD }], { ipAddress: freshIp() })).toEqual(["TOO_MANY_REQUESTS"]);
  });

  it("counts each call of one batched request as its own attempt", async () => {
    const user = await createTestUser();
    const outcomes = await batch("auth.signIn", Array.from({ length: 8 }, (_, i) => ({ email: user.email, password: `wrong ${i}` })), { ipAddress: freshIp() });
    expect(tally(outcomes)).toEqual({ UNAUTHORIZED: SIGN_IN_LIMITS.account.limit, TOO_MANY_REQUESTS: 8 - SIGN_IN_LIMITS.account.limit });
  });

  it("holds the per-IP limit across many accounts", async () => {
    const ipAddress = freshIp();
    const emails = Array.from({ length: 34 }, () => `${unique("nobody")}@example.org`);
    const outcomes = await parallel("auth.signIn", emails.map((email) => ({ email, password: "wrong" })), { ipAddress });
    expect(tally(outcomes)).toEqual({ UNAUTHORIZED: SIGN_IN_LIMITS.ip.limit, TOO_MANY_REQUESTS: 34 - SIGN_IN_LIMITS.ip.limit });
  });

  it("a right password gives back the address's place", async () => {
    const ipAddress = freshIp();
    const user = await createTestUser();
    // One place left for this address: a success that kept it would shut out the next sign-in.
    await appDb().rateLimitHit.createMany({ data: Array.from({ length: SIGN_IN_LIMITS.ip.limit - 1 }, () => ({ bucket: `sign-in:ip:${ipAddress}` })) });
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 3; i++) outcomes.push(...(await parallel("auth.signIn", [{ email: user.email, password: TEST_PASSWORD }], { ipAddress })));
    expect(outcomes).toEqual(["ok", "ok", "ok"]);
  });
});

describe("second-step attempt limit under concurrency", () => {
  it("checks at most 5 of 12 parallel wrong codes", async () => {
    const user = await createTestUser();
    const secret = await enrolTestTwoFactor(user.id);
    const cookie = await pendingSignIn(user.email, freshIp());
    const outcomes = await parallel("twoFactor.completeSignIn", Array.from({ length: 12 }, () => ({ code: wrongCode(secret) })), { ipAddress: freshIp(), cookie });
    expect(tally(outcomes)).toEqual({ BAD_REQUEST: TWO_FACTOR_LIMITS.account.limit, TOO_MANY_REQUESTS: 12 - TWO_FACTOR_LIMITS.account.limit });
  });

  it("checks at most 5 of 9 codes in one batch", async () => {
    const user = await createTestUser();
    const secret = await enrolTestTwoFactor(user.id);
    const cookie = await pendingSignIn(user.email, freshIp());
    const outcomes = await batch("twoFactor.completeSignIn", Array.from({ length: 9 }, () => ({ code: wrongCode(secret) })), { ipAddress: freshIp(), cookie });
    expect(tally(outcomes)).toEqual({ BAD_REQUEST: TWO_FACTOR_LIMITS.account.limit, TOO_MANY_REQUESTS: 9 - TWO_FACTOR_LIMITS.account.limit });
  });

  it("limits recovery codes the same way, in parallel and in a batch", async () => {
    const user = await createTestUser();
    await enrolTestTwoFactor(user.id);
    const cookie = await pendingSignIn(user.email, freshIp());
    const guesses = (n: number) => Array.from({ length: n }, (_, i) => ({ recoveryCode: `guess-${i}-${unique("rc")}` }));
    const first = await parallel("twoFactor.completeSignIn", guesses(3), { ipAddress: freshIp(), cookie });
    const then = await batch("twoFactor.completeSignIn", guesses(6), { ipAddress: freshIp(), cookie });
    expect(tally([...first, ...then])).toEqual({ BAD_REQUEST: TWO_FACTOR_LIMITS.account.limit, TOO_MANY_REQUESTS: 9 - TWO_FACTOR_LIMITS.account.limit });
  });
});

describe("password change attempt limit", () => {
  it("checks at most 5 wrong current passwords, in parallel or batched, and shares the sign-in lockout", async () => {
    const user = await createTestUser();
    const cookie = `vigil_session=${user.token}`;
    const inputs = (n: number) => Array.from({ length: n }, (_, i) => ({ currentPassword: `wrong ${i}`, newPassword: `a new long passphrase ${unique("pw")}` }));
    const first = await parallel("profile.changePassword", inputs(4), { ipAddress: freshIp(), cookie });
    const then = await batch("profile.changePassword", inputs(4), { ipAddress: freshIp(), cookie });
    expect(tally([...first, ...then])).toEqual({ BAD_REQUEST: SIGN_IN_LIMITS.account.limit, TOO_MANY_REQUESTS: 8 - SIGN_IN_LIMITS.account.limit });
    // Guessing here locked sign-in too: one allowance per account, not one per form.
    expect(await parallel("auth.signIn", [{ email: user.email, password: TEST_PASSWORD }], { ipAddress: freshIp() })).toEqual(["TOO_MANY_REQUESTS"]);
  });
});

describe("password reset request limit under concurrency", () => {
  it("accepts at most 3 of 8 parallel requests for one address", async () => {
    const email = `${unique("flood")}@example.org`;
    const outcomes = await parallel("accountRecovery.requestPasswordReset", Array.from({ length: 8 }, () => ({ email })), { ipAddress: freshIp() });
    expect(tally(outcomes)).toEqual({ ok: RESET_LIMITS.email.limit, TOO_MANY_REQUESTS: 8 - RESET_LIMITS.email.limit });
  });

  it("accepts at most 3 of 6 requests for one address in one batch", async () => {
    const email = `${unique("flood")}@example.org`;
    const outcomes = await batch("accountRecovery.requestPasswordReset", Array.from({ length: 6 }, () => ({ email })), { ipAddress: freshIp() });
    expect(tally(outcomes)).toEqual({ ok: RESET_LIMITS.email.limit, TOO_MANY_REQUESTS: 6 - RESET_LIMITS.email.limit });
  });
});

describe("sign-up attempt limit", () => {
  const signUpInput = (email: string) => ({
    name: "Probe", email, password: TEST_PASSWORD, workspaceName: "Probe", workspaceSlug: unique("probe"), countryCode: "rs", locale: "en",
  });

  it("answers at most 5 of 8 parallel sign-ups with a taken address, and tells the owner", async () => {
    const owner = await createTestUser();
    const outcomes = await parallel("auth.signUp", Array.from({ length: 8 }, () => signUpInput(owner.email)), { ipAddress: freshIp() });
    expect(tally(outcomes)).toEqual({ CONFLICT: SIGN_UP_LIMITS.email.limit, TOO_MANY_REQUESTS: 8 - SIGN_UP_LIMITS.email.limit });
    await smtp.waitFor(owner.email);
    const notice = smtp.messages.find((m) => JSON.stringify(m.to).includes(owner.email))!;
    expect(notice.subject).toBe("Someone tried to sign up to Vigil with your address");
    expect(notice.text).toContain("/forgot-password");
  });

  it("limits probing many addresses from one IP address, in one batch", async () => {
    const ipAddress = freshIp();
    const owners = await Promise.all(Array.from({ length: 12 }, () => createTestUser()));
    const first = await batch("auth.signUp", owners.slice(0, 6).map((o) => signUpInput(o.email)), { ipAddress });
    const then = await batch("auth.signUp", owners.slice(6).map((o) => signUpInput(o.email)), { ipAddress });
    expect(tally([...first, ...then])).toEqual({ CONFLICT: SIGN_UP_LIMITS.ip.limit, TOO_MANY_REQUESTS: 12 - SIGN_UP_LIMITS.ip.limit });
  });
});

describe("single-bucket limits (invitations, exports) under concurrency", () => {
  it.each([
    ["invitations", INVITATION_LIMIT, 40],
    ["exports", EXPORT_LIMIT, 12],
  ] as const)("grants %s exactly up to the limit when all ask at once", async (_name, rule, asking) => {
    const bucket = `test:${unique("bucket")}`;
    const attempts = await Promise.all(Array.from({ length: asking }, () => consumeAttempt(bucket, rule)));
    expect(attempts.filter((a) => a.allowed)).toHaveLength(rule.limit);
    const refused = attempts.find((a) => !a.allowed);
    expect(refused && !refused.allowed && refused.retryAt.getTime()).toBeGreaterThan(Date.now());
  });
});

describe("verification mail limit", () => {
  it("sends at most 5 verification links an hour per account, however they are asked for", async () => {
    const user = await createTestUser();
    const client = { ipAddress: freshIp(), cookie: `vigil_session=${user.token}` };
    const first = await parallel("accountRecovery.resendVerification", [undefined, undefined, undefined, undefined], client);
    const then = await batch("accountRecovery.resendVerification", [undefined, undefined, undefined], client);
    expect(tally([...first, ...then])).toEqual({ ok: VERIFICATION_LIMIT.limit, TOO_MANY_REQUESTS: 7 - VERIFICATION_LIMIT.limit });
  });
});
