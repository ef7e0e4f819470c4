import { serialize } from "cookie";
import { asUser, pendingSignInById } from "@vigil/db";
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
  await asUser(userId, (tx) => tx.pendingSignIn.create({
    data: { id, userId, secretHash: hashSecret(secret), expiresAt, userAgent: client.userAgent ?? null, ipAddress: client.ipAddress ?? null },
    select: { id: true },
  }));
  return { token, expiresAt };
}

/** The user a pending sign-in belongs to, or null when the token is unknown, wrong or expired. */
export async function findPendingSignIn(token: string): Promise<{ id: string; userId: string } | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const row = await pendingSignInById(parsed.id);
  if (!row || !secretMatches(parsed.secret, row.secretHash)) return null;
  if (row.expiresAt.getTime() <= Date.now()) {
    await deletePendingSignIn(row);
    return null;
  }
  return { id: row.id, userId: row.userId };
}

export async function deletePendingSignIn(pending: { id: string; userId: string }): Promise<void> {
  await asUser(pending.userId, (tx) => tx.pendingSignIn.deleteMany({ where: { id: pending.id } }));
}

export function pendingSignInCookie(token: string, requestUrl: string): string {
  return serialize(PENDING_SIGN_IN_COOKIE, token, {
    httpOnly: true, sameSite: "lax", path: "/", secure: cookieIsSecure(requestUrl), maxAge: PENDING_SIGN_IN_MS / 1000,
  });
}

export function clearedPendingSignInCookie(requestUrl: string): string {
  return serialize(PENDING_SIGN_IN_COOKIE, "", { httpOnly: true, sameSite: "lax", path: "/", secure: cookieIsSecure(requestUrl), maxAge: 0 });
}
