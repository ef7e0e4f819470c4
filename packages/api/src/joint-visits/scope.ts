import type { TenantTx, VisitRole } from "@vigil/db";
import { fail } from "../core/errors.ts";
import type { Actor } from "../core/actor.ts";

/** A nominated member's participation in a host's visit, as the database confirmed it. */
export type JointParticipation = {
  hostTenantId: string;
  partnerTenantId: string;
  visitId: string;
  visitRole: VisitRole;
  shareInterviews: boolean;
  /** The host requires two-factor sign-in of everyone who works in it: its partners' nominees too (decision 0249). */
  hostRequiresTwoFactor: boolean;
};

/**
 * Opens ONE host visit to the current transaction: sets `app.joint_visit_id`, which the second
 * row-level-security policy on every visit-scoped table reads, and asks the database whether the
 * current user is a nominated member of an accepted partnership for it. The answer comes from the
 * participation rows (joint_visit_host()), never from the caller: anyone else gets NOT_FOUND, the
 * same answer as for a visit that does not exist.
 *
 * The joint_visit_partner* policies apply to the role vigil_joint only (decision 0121), so the
 * transaction switches to it with SET LOCAL ROLE (reset at COMMIT/ROLLBACK); vigil_app's own
 * queries never carry those policies.
 */
export async function enterJointVisit(tx: TenantTx, partnerTenantId: string, userId: string, visitId: string): Promise<JointParticipation> {
  await tx.$executeRaw`SELECT set_config('app.joint_visit_id', ${visitId}, true)`;
  await tx.$executeRaw`SET LOCAL ROLE vigil_joint`;
  const [row] = await tx.$queryRaw<{ host: string | null }[]>`SELECT joint_visit_host() AS host`;
  if (!row?.host) fail("NOT_FOUND", "errors.notFound");
  const member = await tx.visitPartnerMember.findFirst({
    where: { tenantId: row.host, visitId, partnerTenantId, userId },
    select: { visitRole: true, partner: { select: { shareInterviews: true } } },
  });
  if (!member) fail("NOT_FOUND", "errors.notFound");
  const [policy] = await tx.$queryRaw<{ required: boolean }[]>`SELECT joint_visit_host_requires_two_factor() AS required`;
  return {
    hostTenantId: row.host, partnerTenantId, visitId, visitRole: member.visitRole, shareInterviews: member.partner.shareInterviews,
    hostRequiresTwoFactor: policy?.required ?? false,
  };
}

/**
 * The actor the existing visit services see for a partner, made from the partner's own actor (in
 * their workspace): rows they write carry the HOST's tenant_id (they belong to the host's visit) and
 * the partner's own user and address. A partner works as a monitor on the visit, or reads only if
 * they are a viewer in their own workspace.
 */
export function jointActor(participation: JointParticipation, own: Actor): Actor {
  return { tenantId: participation.hostTenantId, userId: own.userId, role: own.role === "viewer" ? "viewer" : "monitor", ipAddress: own.ipAddress };
}
