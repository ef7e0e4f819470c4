import { invalidateUserSessions, replaceWithSecondFactorSession, type SessionUser, type ValidSession } from "@vigil/auth";
import { fail } from "../core/errors.ts";
import { SECOND_FACTOR_DUE, TWO_FACTOR_REQUIRED } from "../core/two-factor-policy.ts";
import { verifySecondFactor, type TwoFactorClient } from "./two-factor.ts";

// A session's second factor (decision 0265): set only when the person at this browser proves it,
// always on a new token, and the reason other sessions end when the account's factors change.

type Client = TwoFactorClient & { userAgent: string | null };

/**
 * The step-up of a signed-in session that has not proved the second factor (signed in before
 * two-factor was turned on): a code or a recovery code, under the sign-in step's limits, and this
 * browser gets a new session that has. Returns null when the session already had it.
 */
export async function proveSecondFactor(user: SessionUser, session: ValidSession, proof: { code?: string; recoveryCode?: string }, client: Client) {
  if (!user.twoFactorEnabled) fail("FORBIDDEN", TWO_FACTOR_REQUIRED);
  if (session.secondFactor) return null;
  await verifySecondFactor(user.id, proof, client);
  return replaceWithSecondFactorSession(session, client);
}

/**
 * Two-factor sign-in was just turned on with a code in this session: every other session of the
 * account ends (they were signed in with the password alone), and this browser continues on a new
 * session that has proved the factor. Returns the new session and how many others ended.
 */
export async function restartSessionsWithSecondFactor(session: ValidSession, client: Client) {
  const otherSessionsSignedOut = await invalidateUserSessions(session.userId, session.id);
  const replaced = await replaceWithSecondFactorSession(session, client);
  return { ...replaced, otherSessionsSignedOut };
}

/** Refuses a procedure that changes the account's factors from a session that has not proved one. */
export function requireSessionSecondFactor(user: SessionUser, session: ValidSession): void {
  if (user.twoFactorEnabled && !session.secondFactor) fail("FORBIDDEN", SECOND_FACTOR_DUE);
}
