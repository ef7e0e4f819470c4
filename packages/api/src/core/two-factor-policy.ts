// Who must have two-factor sign-in before working in a workspace: checked by every tenant
// procedure (trpc.ts), by the operator console (platform/router.ts) and when someone turns it off
// (security/two-factor.ts).

/** The error key of a member who must enrol before working in the workspace. */
export const TWO_FACTOR_REQUIRED = "securityErrors.twoFactorRequired";

/**
 * The error key of an enrolled user whose session was signed in without the second factor (before
 * two-factor was turned on, say): they are asked for a code in this browser (decision 0265).
 */
export const SECOND_FACTOR_DUE = "securityErrors.secondFactorDue";

/** Must this member use a second factor here? Owners and admins always; others when the workspace says so. */
export function twoFactorRequiredFor(role: string, workspace: { requireTwoFactor: boolean }): boolean {
  return role === "owner" || role === "admin" || workspace.requireTwoFactor;
}

/**
 * Why a caller who must use a second factor is refused, or null when they may go on. The session
 * decides, not the account (decision 0265): the account must be enrolled and this session must have
 * proved that enrolment's factor.
 */
export function secondFactorRefusal(user: { twoFactorEnabled: boolean }, session: { secondFactor: boolean }): string | null {
  if (!user.twoFactorEnabled) return TWO_FACTOR_REQUIRED;
  if (!session.secondFactor) return SECOND_FACTOR_DUE;
  return null;
}
