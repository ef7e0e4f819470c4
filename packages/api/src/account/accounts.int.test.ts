import { TRPCError } from "@trpc/server";
import { SESSION_INACTIVITY_MS } from "@vigil/auth";
import { withScope } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import { translator } from "@vigil/i18n";
import { describe, expect, it } from "vitest";
import { describeError } from "../core/error-format.ts";
import { SIGN_IN_LIMITS } from "./accounts.ts";
import { callerFor, createTestUser, enrolTestTwoFactor, sessionTokenFrom, TEST_PASSWORD, unique } from "../testing/index.ts";

async function failure(promise: Promise<unknown>, locale: "en" | "uk" = "en") {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, ...describeError(error, translator(locale)) };
}

function signUpInput(overrides: Record<string, string> = {}) {
  return {
    name: "Ana Test", email: `${unique("ana")}@Example.org`, password: TEST_PASSWORD, workspaceName: "NPM Test",
    workspaceSlug: unique("npm"), countryCode: "rs", locale: "sr-Cyrl" as const, ...overrides,
  };
}

describe("sign-up", () => {
  it("creates the user, a workspace they own and a signed-in session", async () => {
    const input = signUpInput();
    const { caller, resHeaders } = await callerFor(null);
    const result = await caller.auth.signUp(input);
    expect(result.workspaceSlug).toBe(input.workspaceSlug);

    const cookie = resHeaders.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    const token = sessionTokenFrom(resHeaders)!;
    const me = await callerFor({ token });
    const signedIn = await me.caller.auth.me();
    expect(signedIn).toMatchObject({ email: input.email.toLowerCase(), name: "Ana Test" });
    // An owner must enrol in two-factor sign-in before working in the workspace (two-factor.int.test.ts).
    expect((await failure(me.caller.workspaces.current({ tenantSlug: input.workspaceSlug }))).code).toBe("FORBIDDEN");
    await enrolTestTwoFactor(signedIn!.id);
    const current = await (await callerFor({ token })).caller.workspaces.current({ tenantSlug: input.workspaceSlug });
    expect(current).toMatchObject({ role: "owner", countryCode: "RS", defaultLocale: "sr-Cyrl" });

    // Only the SHA-256 of the secret is stored, never the token.
    const [id, secret] = token.split(".");
    const stored = await privilegedDb().session.findUniqueOrThrow({ where: { id: id! } });
    expect(Buffer.from(stored.secretHash).toString("utf8")).not.toContain(secret);
    expect(stored.secretHash.length).toBe(32);
  });

  it("is one step: a taken workspace address leaves no account behind, and the retry with another address succeeds", async () => {
    const taken = signUpInput();
    await (await callerFor(null)).caller.auth.signUp(taken);
    const input = signUpInput({ workspaceSlug: taken.workspaceSlug });
    const refused = await failure((await callerFor(null)).caller.auth.signUp(input));
    expect(refused).toMatchObject({ code: "CONFLICT", fieldErrors: { workspaceSlug: expect.any(String) } });
    expect(await privilegedDb().user.count({ where: { email: input.email.toLowerCase() } })).toBe(0);
    // Before the fix the account stayed, so this retry answered errors.emailTaken.
    const retried = await (await callerFor(null)).caller.auth.signUp({ ...input, workspaceSlug: unique("npm") });
    expect(retried.workspaceSlug).not.toBe(taken.workspaceSlug);
  });

  it("refuses an e-mail address already used, whatever its case", async () => {
    const first = signUpInput();
    await (await callerFor(null)).caller.auth.signUp(first);
    const again = await failure((await callerFor(null)).caller.auth.signUp(signUpInput({ email: first.email.toUpperCase() })));
    expect(again).toMatchObject({ code: "CONFLICT", fieldErrors: { email: "An account with this e-mail address already exists. Sign in instead." } });
  });

  it.each([
    ["short", "2short4u", "Use at least 10 characters."],
    ["common", "password123", "This password is too common or too easy to guess. Choose another."],
    ["common", "qwertyuiop", "This password is too common or too easy to guess. Choose another."],
  ])("refuses a %s password (%s) and creates nothing", async (_kind, password, message) => {
    const input = signUpInput({ password });
    const result = await failure((await callerFor(null)).caller.auth.signUp(input));
    expect(result).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { password: message } });
    expect(await privilegedDb().user.count({ where: { email: input.email.toLowerCase() } })).toBe(0);
  });

  it("names every invalid field in the caller's language", async () => {
    const result = await failure((await callerFor(null)).caller.auth.signUp(signUpInput({ email: "not-an-email", workspaceSlug: "Bad Slug!", name: "" })), "uk");
    expect(result.message).toBe("Виправте позначені поля.");
    expect(result.fieldErrors).toMatchObject({
      email: "Введіть правильну адресу електронної пошти, наприклад name@example.org.",
      workspaceSlug: "Використовуйте малі латинські літери, цифри та дефіси (наприклад, npm-ukraine).",
      name: "Це поле обов’язкове.",
    });
  });

  it("refuses a taken workspace address and leaves no workspace half-made", async () => {
    const first = signUpInput();
    await (await callerFor(null)).caller.auth.signUp(first);
    const second = signUpInput({ workspaceSlug: first.workspaceSlug });
    const result = await failure((await callerFor(null)).caller.auth.signUp(second));
    expect(result).toMatchObject({ code: "CONFLICT", fieldErrors: { workspaceSlug: "This workspace address is already taken. Choose another." } });
    const memberships = await privilegedDb().membership.count({ where: { tenant: { slug: first.workspaceSlug } } });
    expect(memberships).toBe(1);
  });
});

describe("sign-in", () => {
  it("signs in with the right password and sets the session cookie", async () => {
    const user = await createTestUser();
    const { caller, resHeaders } = await callerFor(null);
    await caller.auth.signIn({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    const token = sessionTokenFrom(resHeaders)!;
    expect(await (await callerFor({ token })).caller.auth.me()).toMatchObject({ id: user.id });
  });

  it("gives the same answer for a wrong password and an unknown e-mail", async () => {
    const user = await createTestUser();
    const wrongPassword = await failure((await callerFor(null, { ipAddress: "10.1.0.1" })).caller.auth.signIn({ email: user.email, password: "wrong password!" }));
    const unknownEmail = await failure((await callerFor(null, { ipAddress: "10.1.0.2" })).caller.auth.signIn({ email: `${unique("nobody")}@example.org`, password: "wrong password!" }));
    expect(wrongPassword).toEqual(unknownEmail);
    expect(wrongPassword).toMatchObject({ code: "UNAUTHORIZED", message: "The e-mail address or password is not correct." });
  });

  it("locks an account after repeated failures, even with the right password, and says when to retry", async () => {
    const user = await createTestUser();
    for (let i = 0; i < SIGN_IN_LIMITS.account.limit; i++) {
      const attempt = await failure((await callerFor(null, { ipAddress: `10.2.0.${i}` })).caller.auth.signIn({ email: user.email, password: "wrong password!" }));
      expect(attempt.code).toBe("UNAUTHORIZED");
    }
    const locked = await failure((await callerFor(null, { ipAddress: "10.2.1.1" })).caller.auth.signIn({ email: user.email, password: TEST_PASSWORD }));
    expect(locked.code).toBe("TOO_MANY_REQUESTS");
    expect(locked.message).toMatch(/^Too many attempts\. Please try again after .*\d{2}:\d{2}/);
  });

  it("limits failures per IP address across accounts", async () => {
    const ipAddress = `10.3.${Math.floor(Math.random() * 250)}.9`;
    for (let i = 0; i < SIGN_IN_LIMITS.ip.limit; i++) {
      await failure((await callerFor(null, { ipAddress })).caller.auth.signIn({ email: `${unique("guess")}@example.org`, password: "wrong password!" }));
    }
    const user = await createTestUser();
    const blocked = await failure((await callerFor(null, { ipAddress })).caller.auth.signIn({ email: user.email, password: TEST_PASSWORD }));
    expect(blocked.code).toBe("TOO_MANY_REQUESTS");
    // The same account from another address is fine.
    await (await callerFor(null, { ipAddress: "10.4.0.1" })).caller.auth.signIn({ email: user.email, password: TEST_PASSWORD });
  });
});

describe("sessions", () => {
  it("a signed-out session is refused", async () => {
    const user = await createTestUser();
    const { caller, resHeaders } = await callerFor(user);
    await caller.auth.signOut();
    expect(resHeaders.get("set-cookie")).toMatch(/vigil_session=;.*Max-Age=0/i);
    const after = await callerFor(user);
    expect(await after.caller.auth.me()).toBeNull();
    expect((await failure(after.caller.workspaces.mine())).code).toBe("UNAUTHORIZED");
  });

  it("a session unused for longer than the inactivity limit is refused and deleted", async () => {
    const user = await createTestUser();
    const [id] = user.token.split(".");
    await privilegedDb().session.update({ where: { id: id! }, data: { lastActiveAt: new Date(Date.now() - SESSION_INACTIVITY_MS - 1000) } });
    expect(await (await callerFor(user)).caller.auth.me()).toBeNull();
    expect(await privilegedDb().session.count({ where: { id: id! } })).toBe(0);
  });

  it("a session used within the limit is renewed", async () => {
    const user = await createTestUser();
    const [id] = user.token.split(".");
    const earlier = new Date(Date.now() - SESSION_INACTIVITY_MS + 60 * 60 * 1000 + 5000);
    await privilegedDb().session.update({ where: { id: id! }, data: { lastActiveAt: earlier } });
    expect(await (await callerFor(user)).caller.auth.me()).toMatchObject({ id: user.id });
    const renewed = await privilegedDb().session.findUniqueOrThrow({ where: { id: id! } });
    expect(renewed.lastActiveAt.getTime()).toBeGreaterThan(earlier.getTime());
  });

  it("a token with a wrong secret is refused", async () => {
    const user = await createTestUser();
    const [id] = user.token.split(".");
    expect(await (await callerFor({ token: `${id}.${"a".repeat(24)}` })).caller.auth.me()).toBeNull();
  });

  it("changing the password signs out the user's other sessions but keeps this one", async () => {
    const user = await createTestUser();
    const otherDevice = await callerFor(null);
    await otherDevice.caller.auth.signIn({ email: user.email, password: TEST_PASSWORD });
    const otherToken = sessionTokenFrom(otherDevice.resHeaders)!;

    const result = await (await callerFor(user)).caller.profile.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "a much better passphrase 2026" });
    expect(result.otherSessionsSignedOut).toBe(1);
    expect(await (await callerFor(user)).caller.auth.me()).toMatchObject({ id: user.id });
    expect(await (await callerFor({ token: otherToken })).caller.auth.me()).toBeNull();
  });

  it("refuses a password change with the wrong current password", async () => {
    const user = await createTestUser();
    const result = await failure((await callerFor(user)).caller.profile.changePassword({ currentPassword: "not it at all", newPassword: "a much better passphrase 2026" }));
    expect(result).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { currentPassword: "Your current password is not correct." } });
  });
});

describe("cross-site requests", () => {
  it("refuses a mutation whose Sec-Fetch-Site is cross-site, or that names no origin", async () => {
    const user = await createTestUser();
    for (const origin of ["cross", "none"] as const) {
      const { caller } = await callerFor(user, { origin });
      const result = await failure(caller.profile.update({ name: "Changed", preferredLocale: "uk" }));
      expect(result).toMatchObject({ code: "FORBIDDEN", message: "This request did not come from Vigil itself and was refused." });
    }
    expect((await privilegedDb().user.findUniqueOrThrow({ where: { id: user.id } })).name).not.toBe("Changed");
  });

  it("allows a query from anywhere (queries change nothing)", async () => {
    const user = await createTestUser();
    const mine = await withScope({ tenantId: null, userId: user.id }, (tx) => tx.membership.count());
    const { caller } = await callerFor(user, { origin: "cross" });
    expect(await caller.workspaces.mine()).toHaveLength(mine);
  });
});
