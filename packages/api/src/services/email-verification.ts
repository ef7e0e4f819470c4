import type { MemberRole, TenantTx } from "@vigil/db";
import { fail } from "../errors.ts";

/**
 * An existing account whose address is not verified cannot be invited as admin or owner: whoever
 * signed up with someone else's address must not be handed a workspace. (A new person is verified
 * by accepting: the invitation link reached their mailbox; see decision 0031.)
 */
export async function refuseUnverifiedAdmin(tx: TenantTx, email: string, role: MemberRole) {
  if (role !== "owner" && role !== "admin") return;
  const account = await tx.user.findUnique({ where: { email }, select: { emailVerifiedAt: true } });
  if (account && !account.emailVerifiedAt) fail("BAD_REQUEST", "securityErrors.unverifiedAdmin", {}, "role");
}
