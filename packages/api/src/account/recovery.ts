import { clearRateLimit } from "@vigil/auth";
import { asUser, passwordResetRecipient } from "@vigil/db";
import { emailVerificationMail, mailer, passwordResetMail } from "@vigil/email";
import { isLocale, type Locale } from "@vigil/i18n";
import type { Logger } from "../core/logger.ts";
import { claimAccountToken, consumeAccountToken, issueAccountToken, usableAccountToken } from "./tokens.ts";
import { ipBucket, reserveAttempt, reservePerSubject } from "../core/attempt-limits.ts";
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
  // Every request counts (each one may send a mail), so nothing is refunded.
  await reserveAttempt([{ bucket: `reset:email:${email}`, rule: RESET_LIMITS.email }, ...ipBucket("reset", client.ipAddress, RESET_LIMITS.ip)], client.locale);

  const done = (async () => {
    const user = await passwordResetRecipient(email);
    if (!user) return;
    const token = await issueAccountToken(user, "password_reset");
    const locale = isLocale(user.preferredLocale) ? user.preferredLocale : client.locale;
    await mailer().send(passwordResetMail({ to: user.email, locale, resetUrl: linkTo(client.appUrl, `/reset-password/${token}`) }));
  })().catch((error: unknown) => client.log.error({ err: error }, "password reset e-mail failed"));
  return { done };
}

/**
 * Sets the new password from a reset link (single use, one hour) and signs out every session. The
 * new password is checked before the link is used, so a refused password leaves the link working;
 * using the link and setting the password commit together or not at all.
 */
export async function resetPassword(token: string, newPassword: string) {
  const { tokenHash, userId, email } = await usableAccountToken(token, "password_reset");
  const passwordHash = await hashNewPassword(newPassword, "password", [email]);
  // One transaction as the account's own user (account tables are under RLS, 0160).
  await asUser(userId, async (tx) => {
    await claimAccountToken(tx, tokenHash);
    await tx.user.updateMany({ where: { id: userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId } });
    await tx.pendingSignIn.deleteMany({ where: { userId } });
    // Every other reset link sent before is void now.
    await tx.accountToken.updateMany({ where: { userId, purpose: "password_reset", usedAt: null }, data: { usedAt: new Date() } });
  });
  // The account's lockout ends.
  await clearRateLimit(`sign-in:account:${email}`);
  return { email };
}

/** Verification links per account an hour (the one sent at sign-up included): enough to retry, too few to flood. */
export const VERIFICATION_LIMIT = { limit: 5, windowMs: 60 * 60 * 1000 };

/** Sends the address-verification link (at sign-up, or when asked again), within the account's allowance. */
export async function sendEmailVerification(user: { id: string; email: string }, locale: Locale, appUrl: string) {
  await reservePerSubject("verify-email:account", user.id, VERIFICATION_LIMIT, locale);
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
