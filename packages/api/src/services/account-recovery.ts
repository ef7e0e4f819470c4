import { clearRateLimit, invalidateUserSessions, rateLimitState, recordRateLimitHit } from "@vigil/auth";
import { asUser, passwordResetRecipient } from "@vigil/db";
import { emailVerificationMail, mailer, passwordResetMail } from "@vigil/email";
import { formatDateTime, isLocale, type Locale } from "@vigil/i18n";
import { fail } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { consumeAccountToken, issueAccountToken } from "./account-tokens.ts";
import { hashNewPassword } from "./passwords.ts";

/** Reset requests: 3 per address and 20 per IP address an hour, so the form cannot be used to flood inboxes. */
export const RESET_LIMITS = {
  email: { limit: 3, windowMs: 60 * 60 * 1000 },
  ip: { limit: 20, windowMs: 60 * 60 * 1000 },
} as const;

type Client = { ipAddress: string | null; locale: Locale; appUrl: string; log: Logger };

const linkTo = (appUrl: string, path: string) => `${appUrl.replace(/\/$/, "")}${path}`;

/**
 * Sends a reset link if the address has an account. The answer is the same either way, and the
 * look-up and the e-mail happen after the answer, so neither the message nor the time it takes
 * reveals whether the address is registered.
 */
export async function requestPasswordReset(email: string, client: Client): Promise<{ done: Promise<void> }> {
  const buckets = [`reset:email:${email}`, ...(client.ipAddress ? [`reset:ip:${client.ipAddress}`] : [])];
  const rules = [RESET_LIMITS.email, RESET_LIMITS.ip];
  const states = await Promise.all(buckets.map((bucket, i) => rateLimitState(bucket, rules[i]!)));
  const retryAt = states.flatMap((state) => (state.limited ? [state.retryAt] : [])).sort((a, b) => b.getTime() - a.getTime())[0];
  if (retryAt) fail("TOO_MANY_REQUESTS", "errors.tooManyAttempts", { time: formatDateTime(client.locale, retryAt) });
  await Promise.all(buckets.map((bucket) => recordRateLimitHit(bucket)));

  const done = (async () => {
    const user = await passwordResetRecipient(email);
    if (!user) return;
    const token = await issueAccountToken(user, "password_reset");
    const locale = isLocale(user.preferredLocale) ? user.preferredLocale : client.locale;
    await mailer().send(passwordResetMail({ to: user.email, locale, resetUrl: linkTo(client.appUrl, `/reset-password/${token}`) }));
  })().catch((error: unknown) => client.log.error({ err: error }, "password reset e-mail failed"));
  return { done };
}

/** Sets the new password from a reset link (single use, one hour) and signs out every session. */
export async function resetPassword(token: string, newPassword: string) {
  const { userId, email } = await consumeAccountToken(token, "password_reset");
  const passwordHash = await hashNewPassword(newPassword, "password", [email]);
  await asUser(userId, (tx) => tx.user.updateMany({ where: { id: userId }, data: { passwordHash } }));
  await invalidateUserSessions(userId);
  await asUser(userId, async (tx) => {
    await tx.pendingSignIn.deleteMany({ where: { userId } });
    // Every other reset link sent before is void now, and the account's lockout ends.
    await tx.accountToken.updateMany({ where: { userId, purpose: "password_reset", usedAt: null }, data: { usedAt: new Date() } });
  });
  await clearRateLimit(`sign-in:account:${email}`);
  return { email };
}

/** Sends the address-verification link (at sign-up, or when asked again). */
export async function sendEmailVerification(user: { id: string; email: string }, locale: Locale, appUrl: string) {
  const token = await issueAccountToken(user, "email_verification");
  await mailer().send(emailVerificationMail({ to: user.email, locale, verifyUrl: linkTo(appUrl, `/verify-email/${token}`) }));
}

export async function verifyEmail(token: string) {
  const { userId } = await consumeAccountToken(token, "email_verification");
  await markEmailVerified(userId);
}

/** Following a link mailed to the address (verification, or an invitation) proves the mailbox is theirs. */
export async function markEmailVerified(userId: string) {
  await asUser(userId, (tx) => tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } }));
}
