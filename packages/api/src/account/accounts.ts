import { clearRateLimit, createPendingSignIn, createSession, decoyPasswordHash, verifyPassword } from "@vigil/auth";
import { TRPCError } from "@trpc/server";
import { randomUUID } from "node:crypto";
import { asUser, isUniqueViolation, passwordResetRecipient, signInCandidate } from "@vigil/db";
import { mailer, signUpAttemptMail } from "@vigil/email";
import { isLocale, type Locale } from "@vigil/i18n";
import { fail } from "../core/errors.ts";
import type { Logger } from "../core/logger.ts";
import { ipBucket, reserveAttempt } from "../core/attempt-limits.ts";
import { hashNewPassword } from "./passwords.ts";
import { createWorkspace, type NewWorkspace } from "../workspaces/workspaces.ts";

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

/**
 * Sign-up attempts per address and per IP address an hour. Only attempts that create nothing count
 * (a taken address, a refused password): they are what probing for registered addresses looks like.
 */
export const SIGN_UP_LIMITS = {
  email: { limit: 5, windowMs: 60 * 60 * 1000 },
  ip: { limit: 10, windowMs: 60 * 60 * 1000 },
} as const;

type SignUpClient = ClientInfo & { appUrl: string; log: Logger };

/**
 * Sign-up: a new user who owns a new workspace, signed in. A taken address is refused (the product
 * signs a new user in at once, so no answer could look like success; decision 0152), but within the
 * limits above, and the address's owner is told by e-mail how to sign in or reset the password.
 */
export async function signUp(account: NewAccount & { workspace: Omit<NewWorkspace, "ownerId"> }, client: SignUpClient) {
  const refund = await reserveAttempt(
    [{ bucket: `sign-up:email:${account.email}`, rule: SIGN_UP_LIMITS.email }, ...ipBucket("sign-up", client.ipAddress, SIGN_UP_LIMITS.ip)],
    client.locale,
  );
  const user = await createUser(account).catch((error: unknown) => {
    if (error instanceof TRPCError && error.message === "errors.emailTaken") void tellOwnerOfSignUpAttempt(account.email, client);
    throw error;
  });
  await refund();
  const workspace = await createWorkspace({ ...account.workspace, ownerId: user.id, ipAddress: client.ipAddress }).catch(async (error: unknown) => {
    // Sign-up is one step: without its workspace (a taken address, say) the new account is removed
    // again, so the retry with another address is not refused as a taken e-mail. The user and the
    // workspace live under different row-level-security scopes, hence two transactions and this undo.
    await asUser(user.id, (tx) => tx.user.deleteMany({ where: { id: user.id } }));
    throw error;
  });
  const { token, session } = await createSession(user.id, client);
  return { user, workspace, token, session };
}

/** Mails the owner of a taken address after the answer, so the answer's timing does not wait on SMTP. */
async function tellOwnerOfSignUpAttempt(email: string, client: SignUpClient): Promise<void> {
  try {
    // Account tables are under RLS (0160): the address's owner is found through its definer function.
    const owner = await passwordResetRecipient(email);
    if (!owner) return;
    const base = client.appUrl.replace(/\/$/, "");
    await mailer().send(
      signUpAttemptMail({ to: owner.email, locale: isLocale(owner.preferredLocale) ? owner.preferredLocale : client.locale, signInUrl: `${base}/sign-in`, resetUrl: `${base}/forgot-password` }),
    );
  } catch (error) {
    client.log.error({ err: error }, "sign-up attempt notice failed");
  }
}

/**
 * Checks an account's password under the sign-in limits: sign-in, changing the password and
 * re-authentication all draw on the same per-account and per-IP attempts, so none of them is a
 * side door for guessing. The place is taken before the (slow) check: over the limit, the
 * password is not even checked. A wrong e-mail and a wrong password take the same time.
 * Returns the account's id, or null when the e-mail or the password is wrong.
 */
export async function checkPasswordLimited(
  email: string,
  password: string,
  client: { ipAddress: string | null; locale: Locale },
): Promise<{ id: string } | null> {
  const accountBucket = `sign-in:account:${email}`;
  const refund = await reserveAttempt(
    [{ bucket: accountBucket, rule: SIGN_IN_LIMITS.account }, ...ipBucket("sign-in", client.ipAddress, SIGN_IN_LIMITS.ip)],
    client.locale,
  );
  const user = await signInCandidate(email);
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user || !valid) return null;
  // Only failures count: the right password ends the account's lockout and gives back the IP's place.
  await clearRateLimit(accountBucket);
  await refund();
  return { id: user.id };
}

/**
 * Sign-in. A wrong e-mail and a wrong password give the same error and take the same time.
 * Failures count against the account and the IP address; over the limit, the answer says when
 * to retry and the password is not even checked.
 */
export async function signIn(credentials: { email: string; password: string }, client: ClientInfo) {
  const user = await checkPasswordLimited(credentials.email, credentials.password, client);
  if (!user) fail("UNAUTHORIZED", "errors.invalidCredentials");
  // With two-factor sign-in, the password only earns the right to submit a code (security/sign-in-second-step.ts).
  const twoFactor = await asUser(user.id, (tx) => tx.userTwoFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true } }));
  if (twoFactor?.enabledAt) return { secondFactorDue: true as const, pending: await createPendingSignIn(user.id, client) };
  return { secondFactorDue: false as const, ...(await createSession(user.id, client)) };
}
