import { serialize } from "cookie";
import { appDb } from "@vigil/db";
import { cookieIsSecure } from "./cookies.ts";
import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from "./session-token.ts";

/**
 * The first half of a two-factor sign-in: the password was right, the code is still due. Its cookie
 * is separate from the session cookie and nothing but the second step reads it, so a stolen password
 * alone reaches no page and no procedure.
 */
export const PENDING_SIGN_IN_COOKIE = "vigil_pending_sign_in";
const PENDING_SIGN_IN_MS = 10 * 60 * 1000;

type Client = { userAgent?: string | null; ipAddress?: string | null };

export async function createPendingSignIn(userId: string, client: Client = {}) {
  const { id, secret, token } = generateSessionToken();
  const expiresAt = new Date(Date.now() + PENDING_SIGN_IN_MS);
  await appDb().pendingSignIn.create({
    data: { id, userId, secretHash: hashSecret(secret), expiresAt, userAgent: client.userAgent ?? null, ipAddress: client.ipAddress ?? null },
  });
  return { token, expiresAt };
}

/** The user a pending sign-in belongs to, or null when the token is unknown, wrong or expired. */
export async function findPendingSignIn(token: string): Promise<{ id: string; userId: string } | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const row = await appDb().pendingSignIn.findUnique({ where: { id: parsed.id } });
  if (!row || !secretMatches(parsed.secret, row.secretHash)) return null;
  if (row.expiresAt.getTime() <= Date.now()) {
    await appDb().pendingSignIn.deleteMany({ where: { id: row.id } });
    return null;
  }
  return { id: row.id, userId: row.userId };
}

export async function deletePendingSignIn(id: string): Promise<void> {
  await appDb().pendingSignIn.deleteMany({ where: { id } });
}

export function pendingSignInCookie(token: string, requestUrl: string): string {
  return serialize(PENDING_SIGN_IN_COOKIE, token, {
    httpOnly: true, sameSite: "lax", path: "/", secure: cookieIsSecure(requestUrl), maxAge: PENDING_SIGN_IN_MS / 1000,
  });
}

export function clearedPendingSignInCookie(requestUrl: string): string {
  return serialize(PENDING_SIGN_IN_COOKIE, "", { httpOnly: true, sameSite: "lax", path: "/", secure: cookieIsSecure(requestUrl), maxAge: 0 });
}
