import type { MemberRole } from "@vigil/db";

/** Roles from most to least powerful; each includes what the ones after it may do. */
export const ROLE_ORDER: readonly MemberRole[] = ["owner", "admin", "coordinator", "monitor", "viewer"];

export function hasRole(actual: MemberRole, required: MemberRole): boolean {
  return ROLE_ORDER.indexOf(actual) <= ROLE_ORDER.indexOf(required);
}
