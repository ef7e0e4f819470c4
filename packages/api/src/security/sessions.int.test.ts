import { TRPCError } from "@trpc/server";
import { createSession, DEVICE_COOKIE, validateSessionToken } from "@vigil/auth";
import { describe, expect, it } from "vitest";
import { createContext } from "../core/context.ts";
import { createCaller } from "../router.ts";
import { callerFor, createTestUser, TEST_PASSWORD } from "../testing/index.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";

const smtp = useSmtpReceiver();

describe("sessions", () => {
  it("lists the user's sessions with device, address and last use, the current one first", async () => {
    const user = await createTestUser();
    await createSession(user.id, { userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", ipAddress: "10.90.0.7" });
    const sessions = await (await callerFor(user)).caller.sessions.list();
    expect(sessions).toHaveLength(2);
    expect(sessions[0]!.current).toBe(true);
    expect(sessions[1]).toMatchObject({ current: false, device: { browser: "Firefox", os: "Linux" }, ipAddress: "10.90.0.7" });
    expect(sessions[1]!.lastActiveAt).toBeInstanceOf(Date);
  });

  it("signs out another of one's sessions, or all others, but never someone else's", async () => {
    const user = await createTestUser();
    const laptop = await createSession(user.id);
    const phone = await createSession(user.id);
    const stranger = await createTestUser();
    const { caller } = await callerFor(user);

    const refused = await caller.sessions.revoke({ sessionId: stranger.token.split(".")[0]! }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("NOT_FOUND");
    expect(await validateSessionToken(stranger.token)).not.toBeNull();

    await caller.sessions.revoke({ sessionId: laptop.session.id });
    expect(await validateSessionToken(laptop.token)).toBeNull();
    expect(await validateSessionToken(phone.token)).not.toBeNull();
    expect(await caller.sessions.revokeOthers()).toEqual({ count: 1 });
    expect(await validateSessionToken(phone.token)).toBeNull();
    expect(await validateSessionToken(user.token)).not.toBeNull();
  });

  it("answers a session id that cannot be one with a 4xx, not a database error (NUL: BAD_REQUEST at the edge; wrong alphabet: NOT_FOUND)", async () => {
    const user = await createTestUser();
    const { caller } = await callerFor(user);
    for (const [sessionId, code] of [["a\u0000b", "BAD_REQUEST"], ["NOT-A-SESSION-ID-AT-ALL!", "NOT_FOUND"]] as const) {
      const refused = await caller.sessions.revoke({ sessionId }).catch((e: unknown) => e);
      expect((refused as TRPCError).code, sessionId).toBe(code);
    }
  });
});

async function signInFrom(email: string, deviceCookie: string | null) {
  const headers = new Headers({ "sec-fetch-site": "same-origin", "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0" });
  if (deviceCookie) headers.set("cookie", `${DEVICE_COOKIE}=${deviceCookie}`);
  const resHeaders = new Headers();
  const ctx = await createContext({ request: new Request("http://localhost:3000/api/trpc", { method: "POST", headers }), resHeaders, ipAddress: "10.91.0.1" });
  await createCaller(ctx).auth.signIn({ email, password: TEST_PASSWORD });
  return new RegExp(`${DEVICE_COOKIE}=([^;]+)`).exec(resHeaders.get("set-cookie") ?? "")?.[1] ?? deviceCookie;
}

describe("new-device notice", () => {
  it("e-mails the user when a browser they never used signs in, and not again for that browser", async () => {
    const user = await createTestUser();
    const first = await signInFrom(user.email, null);
    expect(first).toMatch(/^[a-z2-7]{48}$/);
    // The account's first browser is not news.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages.filter((m) => JSON.stringify(m.to).includes(user.email))).toHaveLength(0);

    await signInFrom(user.email, first);
    await signInFrom(user.email, null);
    const notice = await smtp.waitFor(user.email);
    expect(notice.subject).toBe("New sign-in to your Vigil account");
    // The device is named, not quoted as a raw user-agent header.
    expect(notice.text).toContain("Firefox on Windows");
    expect(notice.text).not.toContain("Mozilla/5.0");
    expect(notice.text).toContain("10.91.0.1");
    expect(notice.text).toContain("/account/sessions");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.messages.filter((m) => JSON.stringify(m.to).includes(user.email))).toHaveLength(1);
  });
});
