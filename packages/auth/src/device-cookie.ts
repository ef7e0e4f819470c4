import { serialize } from "cookie";
import { cookieIsSecure } from "./cookies.ts";

/** Names this browser for new-device notices; it is no credential, and lives for two years. */
export const DEVICE_COOKIE = "vigil_device";

export function deviceCookie(token: string, requestUrl: string): string {
  return serialize(DEVICE_COOKIE, token, {
    httpOnly: true, sameSite: "lax", path: "/", secure: cookieIsSecure(requestUrl), maxAge: 2 * 365 * 24 * 60 * 60,
  });
}
