import { describe, expect, it } from "vitest";
import { cookieIsSecure, sessionCookie } from "./cookies.ts";
import { isAllowedOrigin } from "./origin-check.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./password.ts";
import { generateOpaqueToken, generateSessionToken, hashSecret, parseSessionToken, secretMatches } from "./session-token.ts";

describe("passwords", () => {
  it("hashes with Argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("a long and quiet river 7");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "a long and quiet river 7")).toBe(true);
    expect(await verifyPassword(hash, "a long and quiet river 8")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });

  it.each([
    ["short1", "tooShort"],
    ["password1234", "tooCommon"],
    ["1234567890", "tooCommon"],
    ["iloveyou12", "tooCommon"],
    ["x".repeat(201), "tooLong"],
    ["Kruševac night visit 2014", null],
  ])("%j → %s", (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it("refuses a password made of the user's own e-mail", () => {
    expect(passwordProblem("ana.petrovic@example.org", ["ana.petrovic@example.org"])).toBe("tooCommon");
  });
});

describe("session tokens", () => {
  it("are id.secret with 120 random bits each, and parse back", () => {
    const { id, secret, token } = generateSessionToken();
    expect(token).toBe(`${id}.${secret}`);
    expect(parseSessionToken(token)).toEqual({ id, secret });
    expect(generateSessionToken().token).not.toBe(token);
  });

  it.each(["", "abc", "a.b.c", `${"a".repeat(24)}.${"A".repeat(24)}`, `${"a".repeat(24)}`])("rejects malformed token %j", (token) => {
    expect(parseSessionToken(token)).toBeNull();
  });

  it("matches a secret only against its own SHA-256", () => {
    const { secret } = generateSessionToken();
    const stored = hashSecret(secret);
    expect(stored).toHaveLength(32);
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(generateSessionToken().secret, stored)).toBe(false);
  });

  it("opaque tokens are returned with the hash to store", () => {
    const { token, hash } = generateOpaqueToken();
    expect(token).toMatch(/^[a-z2-7]{48}$/);
    expect(hashSecret(token)).toEqual(hash);
  });
});

describe("cross-site request checks", () => {
  const post = (headers: Record<string, string>) => new Request("https://vigil.example.org/api/trpc/x", { method: "POST", headers });

  it("allows safe methods from anywhere", () => {
    expect(isAllowedOrigin(new Request("https://vigil.example.org/", { headers: { "sec-fetch-site": "cross-site" } }))).toBe(true);
  });

  it("allows a same-origin POST and refuses cross-site ones", () => {
    expect(isAllowedOrigin(post({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isAllowedOrigin(post({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isAllowedOrigin(post({ "sec-fetch-site": "cross-site" }))).toBe(false);
  });

  it("falls back to the Origin header, and refuses a POST that names neither", () => {
    expect(isAllowedOrigin(post({ origin: "https://vigil.example.org" }))).toBe(true);
    expect(isAllowedOrigin(post({ origin: "https://evil.example.com" }))).toBe(false);
    expect(isAllowedOrigin(post({}))).toBe(false);
    expect(isAllowedOrigin(post({ origin: "https://vigil.example.org" }), "https://app.vigil.example.org")).toBe(false);
  });
});

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Path=/ and Secure outside plain-http localhost", () => {
    const cookie = sessionCookie("t", "https://vigil.example.org/sign-in", new Date(Date.now() + 1000));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Secure/);
    expect(cookieIsSecure("http://localhost:3000/")).toBe(false);
    expect(cookieIsSecure("http://vigil.internal/")).toBe(true);
  });
});
