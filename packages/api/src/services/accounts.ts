import { clearRateLimit, createPendingSignIn, createSession, decoyPasswordHash, rateLimitState, recordRateLimitHit, verifyPassword } from "@vigil/auth";
import { randomUUID } from "node:crypto";
import { asUser, isUniqueViolation, signInCandidate } from "@vigil/db";
import { formatDateTime, type Locale } from "@vigil/i18n";
import { fail } from "../errors.ts";
import { hashNewPassword } from "./passwords.ts";
import { createWorkspace, type NewWorkspace } from "./workspaces.ts";

/** Failed sign-ins allowed per account and per IP address in a 15-minute window. */
export const SIGN_IN_LIMITS = {
  account: { limit: 5, windowMs: 15 * 60 * 1000 },
  ip: { limit: 30, windowMs: 15 * 60 * 1000 },
} as const;

type ClientInfo = { ipAddress: string | null; userAgent: string | null; locale: Locale };

export type NewAccount = { name: string; email: string; password: string; preferredLocale: Locale };

export async function createUser(account: NewAccount) {
  const passwordHash = await hashNewPassword(account.password, "password", [account.email, account.name]);
  // The id is chosen here so that the insert passes row-level security as the new user's own row.
  const id = randomUUID();
  try {
    return await asUser(id, (tx) =>
      tx.user.create({
        data: { id, name: account.name, email: account.email, passwordHash, preferredLocale: account.preferredLocale },
        select: { id: true, email: true, name: true },
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) fail("CONFLICT", "errors.emailTaken", {}, "email");
    throw error;
  }
}

/** Sign-up: a new user who owns a new workspace, signed in. */
export async function signUp(account: NewAccount & { workspace: Omit<NewWorkspace, "ownerId"> }, client: ClientInfo) {
  const user = await createUser(account);
  const workspace = await createWorkspace({ ...account.workspace, ownerId: user.id, ipAddress: client.ipAddress });
  const { token, session } = await createSession(user.id, client);
  return { user, workspace, token, session };
}

/**
 * Sign-in. A wrong e-mail and a wrong password give the same error and take the same time.
 * Failures count against the account and the IP address; over the limit, the answer says when
 * to retry and the password is not even checked.
 */
export async function signIn(credentials: { email: string; password: string }, client: ClientInfo) {
  const buckets = [`sign-in:account:${credentials.email}`, ...(client.ipAddress ? [`sign-in:ip:${client.ipAddress}`] : [])];
  const rules = [SIGN_IN_LIMITS.account, SIGN_IN_LIMITS.ip];
  const states = await Promise.all(buckets.map((bucket, i) => rateLimitState(bucket, rules[i]!)));
  const retryAt = states.flatMap((state) => (state.limited ? [state.retryAt] : [])).sort((a, b) => b.getTime() - a.getTime())[0];
  if (retryAt) fail("TOO_MANY_REQUESTS", "errors.tooManyAttempts", { time: formatDateTime(client.locale, retryAt) });

  const user = await signInCandidate(credentials.email);
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), credentials.password);
  if (!user || !valid) {
    await Promise.all(buckets.map((bucket) => recordRateLimitHit(bucket)));
    fail("UNAUTHORIZED", "errors.invalidCredentials");
  }
  await clearRateLimit(buckets[0]!);
  // With two-factor sign-in, the password only earns the right to submit a code (services/sign-in-second-step.ts).
  const twoFactor = await asUser(user.id, (tx) => tx.userTwoFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true } }));
  if (twoFactor?.enabledAt) return { secondFactorDue: true as const, pending: await createPendingSignIn(user.id, client) };
  return { secondFactorDue: false as const, ...(await createSession(user.id, client)) };
}
