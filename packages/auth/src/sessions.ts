import { appDb } from "@vigil/db";
import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from "./session-token.ts";

/** A session ends after this long without use; each use within it renews it. */
export const SESSION_INACTIVITY_MS = 14 * 24 * 60 * 60 * 1000;
/** Renew `last_active_at` at most this often, so that every request is not a write. */
const ACTIVITY_UPDATE_INTERVAL_MS = 60 * 60 * 1000;

export type ValidSession = { id: string; userId: string; expiresAt: Date };

// Sessions are global rows (not tenant-owned): a session belongs to a user, who may belong to
// several workspaces. The table has no row-level security; these functions are its only writers.

export async function createSession(userId: string, client: { userAgent?: string | null; ipAddress?: string | null } = {}) {
  const { id, secret, token } = generateSessionToken();
  const now = new Date();
  await appDb().session.create({
    data: { id, userId, secretHash: hashSecret(secret), createdAt: now, lastActiveAt: now, userAgent: client.userAgent ?? null, ipAddress: client.ipAddress ?? null },
  });
  return { token, session: { id, userId, expiresAt: new Date(now.getTime() + SESSION_INACTIVITY_MS) } satisfies ValidSession };
}

/** The session a token names, renewed; or null when it is malformed, unknown, wrong or expired. */
export async function validateSessionToken(token: string, now = new Date()): Promise<ValidSession | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const row = await appDb().session.findUnique({ where: { id: parsed.id } });
  if (!row || !secretMatches(parsed.secret, row.secretHash)) return null;

  const idleFor = now.getTime() - row.lastActiveAt.getTime();
  if (idleFor >= SESSION_INACTIVITY_MS) {
    await appDb().session.deleteMany({ where: { id: row.id } });
    return null;
  }
  let lastActiveAt = row.lastActiveAt;
  if (idleFor >= ACTIVITY_UPDATE_INTERVAL_MS) {
    lastActiveAt = now;
    await appDb().session.update({ where: { id: row.id }, data: { lastActiveAt } });
  }
  return { id: row.id, userId: row.userId, expiresAt: new Date(lastActiveAt.getTime() + SESSION_INACTIVITY_MS) };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await appDb().session.deleteMany({ where: { id: sessionId } });
}

/** Signs the user out everywhere, except (optionally) the session making the request. */
export async function invalidateUserSessions(userId: string, exceptSessionId?: string): Promise<number> {
  const result = await appDb().session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
  return result.count;
}
