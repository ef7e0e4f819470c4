import { asUser, sessionWithUser, type SessionWithUser } from "@vigil/db";
import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from "./session-token.ts";

/** A session ends after this long without use; each use within it renews it. */
export const SESSION_INACTIVITY_MS = 14 * 24 * 60 * 60 * 1000;
/** Renew `last_active_at` at most this often, so that every request is not a write. */
const ACTIVITY_UPDATE_INTERVAL_MS = 60 * 60 * 1000;

export type ValidSession = {
  id: string; userId: string; expiresAt: Date;
  /**
   * This session proved the account's current second factor (decision 0265). "Requires two-factor"
   * checks read this, never the account's flag: a password-only session of an account that turned
   * two-factor on later does not have it.
   */
  secondFactor: boolean;
};

type Client = { userAgent?: string | null; ipAddress?: string | null };

// Sessions are global rows (not tenant-owned): a session belongs to a user, who may belong to
// several workspaces. Row-level security shows each user only their own sessions (asUser); a token
// is resolved before anyone is signed in through the session_with_user function (docs/decisions/0160).

/**
 * A new session. `secondFactor`: the person signing in has just proved the second factor in this
 * request (the two-factor sign-in step, a step-up, turning two-factor on); nothing else sets it.
 */
export async function createSession(userId: string, client: Client = {}, how: { secondFactor?: boolean } = {}) {
  const { id, secret, token } = generateSessionToken();
  const now = new Date();
  const secondFactor = how.secondFactor === true;
  await asUser(userId, (tx) => tx.session.create({
    data: {
      id, userId, secretHash: hashSecret(secret), createdAt: now, lastActiveAt: now, userAgent: client.userAgent ?? null, ipAddress: client.ipAddress ?? null,
      secondFactorAt: secondFactor ? now : null,
    },
    select: { id: true },
  }));
  return { token, session: { id, userId, expiresAt: new Date(now.getTime() + SESSION_INACTIVITY_MS), secondFactor } satisfies ValidSession };
}

/** The signed-in user as every request sees it (from the session look-up). */
export type SessionUser = SessionWithUser["user"];

/**
 * The session a token names, renewed, with its user; or null when it is malformed, unknown, wrong or
 * expired. One statement finds both (docs/decisions/0177); a write follows only to renew (at most
 * hourly) or to end an idle session.
 */
export async function validateSession(token: string, now = new Date()): Promise<{ session: ValidSession; user: SessionUser } | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const row = await sessionWithUser(parsed.id);
  if (!row || !secretMatches(parsed.secret, row.secretHash)) return null;

  const idleFor = now.getTime() - row.lastActiveAt.getTime();
  if (idleFor >= SESSION_INACTIVITY_MS) {
    await asUser(row.userId, (tx) => tx.session.deleteMany({ where: { id: row.id } }));
    return null;
  }
  let lastActiveAt = row.lastActiveAt;
  if (idleFor >= ACTIVITY_UPDATE_INTERVAL_MS) {
    lastActiveAt = now;
    await asUser(row.userId, (tx) => tx.session.updateMany({ where: { id: row.id }, data: { lastActiveAt } }));
  }
  return {
    session: { id: row.id, userId: row.userId, expiresAt: new Date(lastActiveAt.getTime() + SESSION_INACTIVITY_MS), secondFactor: row.secondFactorPassed },
    user: row.user,
  };
}

/** The session a token names, renewed; or null when it is malformed, unknown, wrong or expired. */
export async function validateSessionToken(token: string, now = new Date()): Promise<ValidSession | null> {
  return (await validateSession(token, now))?.session ?? null;
}

export async function invalidateSession(session: { id: string; userId: string }): Promise<void> {
  await asUser(session.userId, (tx) => tx.session.deleteMany({ where: { id: session.id } }));
}

/**
 * Replaces a session by a new one that has proved the second factor, for the same browser (decision
 * 0265). A new token rather than a mark on the old row: whoever else holds the old cookie (copied
 * from a password-only sign-in) must not be raised with it.
 */
export async function replaceWithSecondFactorSession(session: { id: string; userId: string }, client: Client = {}) {
  const created = await createSession(session.userId, client, { secondFactor: true });
  await invalidateSession(session);
  return created;
}

/** Signs the user out everywhere, except (optionally) the session making the request. */
export async function invalidateUserSessions(userId: string, exceptSessionId?: string): Promise<number> {
  const result = await asUser(userId, (tx) =>
    tx.session.deleteMany({ where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) } }),
  );
  return result.count;
}
