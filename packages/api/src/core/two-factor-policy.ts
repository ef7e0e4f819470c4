// Who must have two-factor sign-in before working in a workspace: checked by every tenant
// procedure (trpc.ts) and when someone turns it off (security/two-factor.ts).

/** The error key of a member who must enrol before working in the workspace. */
export const TWO_FACTOR_REQUIRED = "securityErrors.twoFactorRequired";

/** Must this member use a second factor here? Owners and admins always; others when the workspace says so. */
export function twoFactorRequiredFor(role: string, workspace: { requireTwoFactor: boolean }): boolean {
  return role === "owner" || role === "admin" || workspace.requireTwoFactor;
}
