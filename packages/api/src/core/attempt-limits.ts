import { consumeAttempts, type RateLimitedBucket } from "@vigil/auth";
import { formatDateTime, type Locale } from "@vigil/i18n";
import { fail } from "./errors.ts";

/** Refunds places reserved by `reserveAttempt`: all of them, or one bucket's. */
export type Refund = (bucket?: string) => Promise<void>;

/**
 * Takes one place in every bucket before anything is checked, or answers "too many attempts" with
 * the time to retry. Every limited procedure goes through here, so one call is one attempt, whether
 * it came alone, in parallel with others or inside a batched request.
 */
export async function reserveAttempt(buckets: RateLimitedBucket[], locale: Locale): Promise<Refund> {
  const attempt = await consumeAttempts(buckets);
  if (!attempt.allowed) fail("TOO_MANY_REQUESTS", "errors.tooManyAttempts", { time: formatDateTime(locale, attempt.retryAt) });
  return attempt.refund;
}

/** The per-IP bucket of a limit, when the request has an address (server-side callers may not). */
export function ipBucket(prefix: string, ipAddress: string | null, rule: RateLimitedBucket["rule"]): RateLimitedBucket[] {
  return ipAddress ? [{ bucket: `${prefix}:ip:${ipAddress}`, rule }] : [];
}

/**
 * Takes one place from a subject's own allowance (a workspace's exports or invitations, an account's
 * verification mails), in the bucket `prefix:subjectId`. Never refunded: each call builds or sends
 * something. The one helper for such limits (docs/decisions/0165).
 */
export async function reservePerSubject(prefix: string, subjectId: string, rule: RateLimitedBucket["rule"], locale: Locale): Promise<void> {
  await reserveAttempt([{ bucket: `${prefix}:${subjectId}`, rule }], locale);
}
