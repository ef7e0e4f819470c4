import { accountEmailUnverified, type MemberRole, type TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";

/**
 * An existing account whose address is not verified cannot be invited as admin or owner: whoever
 * signed up with someone else's address must not be handed a workspace. (A new person is verified
 * by accepting: the invitation link reached their mailbox; see decision 0031.)
 */
export async function refuseUnverifiedAdmin(tx: TenantTx, email: string, role: MemberRole) {
  if (role !== "owner" && role !== "admin") return;
  // Another workspace's person is hidden by row-level security; a definer function answers yes or no.
  if (await accountEmailUnverified(tx, email)) fail("BAD_REQUEST", "securityErrors.unverifiedAdmin", {}, "role");
}
