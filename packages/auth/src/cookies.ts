import { parse, serialize } from "cookie";
import { SESSION_INACTIVITY_MS } from "./sessions.ts";

export const SESSION_COOKIE = "vigil_session";

/**
 * `Secure` everywhere except plain-http localhost, where browsers would drop the cookie.
 * SESSION_COOKIE_SECURE=true|false overrides (e.g. behind a TLS-terminating proxy).
 */
export function cookieIsSecure(requestUrl: string): boolean {
  const override = process.env.SESSION_COOKIE_SECURE;
  if (override === "true") return true;
  if (override === "false") return false;
  const url = new URL(requestUrl);
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  return !(local && url.protocol === "http:");
}

export function sessionCookie(token: string, requestUrl: string, expiresAt: Date): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: cookieIsSecure(requestUrl),
    expires: expiresAt,
    maxAge: Math.floor(SESSION_INACTIVITY_MS / 1000),
  });
}

export function clearedSessionCookie(requestUrl: string): string {
  return serialize(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", path: "/", secure: cookieIsSecure(requestUrl), maxAge: 0 });
}

export function readCookie(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  return parse(cookieHeader)[name] ?? null;
}
