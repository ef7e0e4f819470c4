import { TRPCError } from "@trpc/server";
import { formatTotpSecret, generateTotpSecret, PENDING_SIGN_IN_COOKIE, totpCode } from "@vigil/auth";
import { privilegedDb } from "@vigil/db/privileged";
import { afterEach, describe, expect, it } from "vitest";
import { createContext } from "../core/context.ts";
import { generateNotesKeyEntry } from "../interviews/notes-crypto.ts";
import { createCaller } from "../router.ts";
import { encryptRawTotpSecrets, openTotpSecret } from "./totp-secrets.ts";
import { replaceRecoveryCodes } from "./two-factor.ts";
import { callerFor, createTestUser, createTestWorkspace, sessionTokenFrom, TEST_PASSWORD, type TestUser } from "../testing/index.ts";

/** TOTP secrets at rest (docs/decisions/0161): encrypted with the notes key ring, rotation-safe, old raw rows encrypted at start-up. */
const configuredKeys = process.env.INTERVIEW_NOTES_KEYS;

afterEach(() => {
  process.env.INTERVIEW_NOTES_KEYS = configuredKeys;
});

const storedRow = (userId: string) => privilegedDb().userTwoFactor.findUniqueOrThrow({ where: { userId } });

async function enrol(user: TestUser): Promise<string> {
  const { caller } = await callerFor(user);
  const { secret } = await caller.twoFactor.enrolment();
  const raw = openTotpSecret(user.id, await storedRow(user.id));
  await caller.twoFactor.confirm({ code: totpCode(raw), reauthentication: TEST_PASSWORD });
  return secret;
}

/** Password, then a TOTP code for `at`, through the procedures; returns whether a session came out. */
async function signInWithCode(user: TestUser, secret: Uint8Array, at: Date, ipAddress: string): Promise<boolean> {
  const first = await callerFor(null, { ipAddress });
  expect(await first.caller.auth.signIn({ email: user.email, password: TEST_PASSWORD })).toMatchObject({ secondFactorDue: true });
  const pending = new RegExp(`${PENDING_SIGN_IN_COOKIE}=([^;]*)`).exec(first.resHeaders.get("set-cookie") ?? "")?.[1];
  const headers = new Headers({ "sec-fetch-site": "same-origin", cookie: `${PENDING_SIGN_IN_COOKIE}=${pending}` });
  const resHeaders = new Headers();
  const ctx = await createContext({ request: new Request("http://localhost:3000/api/trpc", { method: "POST", headers }), resHeaders, ipAddress });
  await createCaller(ctx).twoFactor.completeSignIn({ code: totpCode(secret, at) });
  return sessionTokenFrom(resHeaders) !== null;
}

describe("TOTP secrets at rest", () => {
  it("are stored encrypted under the current key, decrypt to the secret shown, and still sign in", async () => {
    const user = await createTestUser();
    const shown = await enrol(user);
    const stored = await storedRow(user.id);
    expect(stored.totpSecretKeyId).toBe("test");
    const raw = openTotpSecret(user.id, stored);
    expect(formatTotpSecret(raw)).toBe(shown);
    // The column is not the secret, and does not contain it.
    expect(Buffer.from(stored.totpSecret).equals(Buffer.from(raw))).toBe(false);
    expect(Buffer.from(stored.totpSecret).includes(Buffer.from(raw))).toBe(false);
    expect(stored.totpSecret.length).toBeGreaterThan(raw.length);
    expect(await signInWithCode(user, raw, new Date(Date.now() + 30_000), "10.161.0.1")).toBe(true);
  });

  it("are bound to their user: a ciphertext copied onto another account does not open there", async () => {
    const owner = await createTestUser();
    const thief = await createTestUser();
    await enrol(owner);
    const stored = await storedRow(owner.id);
    expect(() => openTotpSecret(thief.id, stored)).toThrow();
  });

  it("stay readable after a key rotation; new enrolments use the new key", async () => {
    const user = await createTestUser();
    await enrol(user);
    const raw = openTotpSecret(user.id, await storedRow(user.id));
    process.env.INTERVIEW_NOTES_KEYS = `${generateNotesKeyEntry("next")},${configuredKeys}`;
    expect((await storedRow(user.id)).totpSecretKeyId).toBe("test");
    expect(await signInWithCode(user, raw, new Date(Date.now() + 30_000), "10.161.0.2")).toBe(true);

    const later = await createTestUser();
    await enrol(later);
    expect((await storedRow(later.id)).totpSecretKeyId).toBe("next");
  });

  it("stored raw before encryption: still sign in, and the start-up step encrypts them", async () => {
    const user = await createTestUser();
    const raw = generateTotpSecret();
    await privilegedDb().userTwoFactor.create({ data: { userId: user.id, totpSecret: raw, enabledAt: new Date() } });
    expect(await signInWithCode(user, raw, new Date(), "10.161.0.3")).toBe(true);

    expect(await encryptRawTotpSecrets()).toBeGreaterThanOrEqual(1);
    const stored = await storedRow(user.id);
    expect(stored.totpSecretKeyId).toBe("test");
    expect(Buffer.from(stored.totpSecret).includes(Buffer.from(raw))).toBe(false);
    expect(Buffer.from(openTotpSecret(user.id, stored))).toEqual(Buffer.from(raw));
    expect(await signInWithCode(user, raw, new Date(Date.now() + 30_000), "10.161.0.4")).toBe(true);
    // Nothing raw is left, so a second run has nothing to do for this user.
    expect(await privilegedDb().userTwoFactor.count({ where: { totpSecretKeyId: null, userId: user.id } })).toBe(0);
  });
});

describe("a lost or changed notes key (decision 0161)", () => {
  async function refusal(promise: Promise<unknown>) {
    const error = await promise.then(() => null, (e: unknown) => e);
    if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
    return { code: error.code, key: error.message };
  }
  const KEY_UNAVAILABLE = { code: "BAD_REQUEST", key: "securityErrors.totpKeyUnavailable" };

  it("makes codes a clear 4xx, never a 500; a recovery code turns two-factor sign-in off; then it can be set up again", async () => {
    const user = await createTestUser();
    const { caller } = await callerFor(user);
    await caller.twoFactor.enrolment();
    const raw = openTotpSecret(user.id, await storedRow(user.id));
    const { recoveryCodes } = await caller.twoFactor.confirm({ code: totpCode(raw), reauthentication: TEST_PASSWORD });
    process.env.INTERVIEW_NOTES_KEYS = generateNotesKeyEntry("replaced");

    expect(await refusal(signInWithCode(user, raw, new Date(Date.now() + 30_000), "10.161.1.1"))).toEqual(KEY_UNAVAILABLE);
    expect(await refusal(caller.twoFactor.regenerateRecoveryCodes({ reauthentication: totpCode(raw) }))).toEqual(KEY_UNAVAILABLE);
    expect(await refusal(caller.twoFactor.disable({ code: totpCode(raw) }))).toEqual(KEY_UNAVAILABLE);

    await caller.twoFactor.disable({ code: recoveryCodes[0]! });
    expect((await caller.twoFactor.status()).enabled).toBe(false);
    const fresh = await caller.twoFactor.enrolment();
    const secret = openTotpSecret(user.id, await storedRow(user.id));
    expect(formatTotpSecret(secret)).toBe(fresh.secret);
    expect((await storedRow(user.id)).totpSecretKeyId).toBe("replaced");
  });

  it("replaces an unfinished enrolment whose secret no longer decrypts, instead of failing every time", async () => {
    const user = await createTestUser();
    const { caller } = await callerFor(user);
    const before = await caller.twoFactor.enrolment();
    process.env.INTERVIEW_NOTES_KEYS = generateNotesKeyEntry("replaced");
    const after = await caller.twoFactor.enrolment();
    expect(after.secret).not.toBe(before.secret);
    const secret = openTotpSecret(user.id, await storedRow(user.id));
    expect((await caller.twoFactor.confirm({ code: totpCode(secret), reauthentication: TEST_PASSWORD })).recoveryCodes).toHaveLength(10);
  });

  it("lets an owner, whose workspace requires two-factor sign-in, turn the unusable one off with a recovery code to enrol again", async () => {
    const owner = await createTestUser();
    await createTestWorkspace(owner);
    const { caller } = await callerFor(owner);
    const codes = await replaceRecoveryCodes(owner.id);
    expect(await refusal(caller.twoFactor.disable({ code: codes[0]! }))).toEqual({ code: "FORBIDDEN", key: "securityErrors.twoFactorStillRequired" });
    process.env.INTERVIEW_NOTES_KEYS = generateNotesKeyEntry("replaced");
    await caller.twoFactor.disable({ code: codes[1]! });
    expect((await caller.twoFactor.status()).enabled).toBe(false);
  });
});
