import type { Locale } from "@vigil/i18n";
import { reserveAttempt } from "../core/attempt-limits.ts";

/** Invitations per workspace per hour: enough for onboarding a team, too few to use Vigil as a mailer. */
export const INVITATION_LIMIT = { limit: 30, windowMs: 60 * 60 * 1000 };

/** Takes one invitation from the workspace's hourly allowance (atomically: parallel sends cannot overshoot it). */
export async function limitInvitations(tenantId: string, locale: Locale): Promise<void> {
  await reserveAttempt([{ bucket: `invite:tenant:${tenantId}`, rule: INVITATION_LIMIT }], locale);
}
