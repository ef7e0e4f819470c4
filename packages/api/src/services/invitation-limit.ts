import { rateLimitState, recordRateLimitHit } from "@vigil/auth";
import { formatDateTime, type Locale } from "@vigil/i18n";
import { fail } from "../errors.ts";

/** Invitations per workspace per hour: enough for onboarding a team, too few to use Vigil as a mailer. */
export const INVITATION_LIMIT = { limit: 30, windowMs: 60 * 60 * 1000 };

export async function limitInvitations(tenantId: string, locale: Locale): Promise<void> {
  const bucket = `invite:tenant:${tenantId}`;
  const state = await rateLimitState(bucket, INVITATION_LIMIT);
  if (state.limited) fail("TOO_MANY_REQUESTS", "errors.tooManyAttempts", { time: formatDateTime(locale, state.retryAt) });
  await recordRateLimitHit(bucket);
}
