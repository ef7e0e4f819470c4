import type { TenantTx } from "@vigil/db";
import type { Actor } from "../core/actor.ts";
import { recordAudit } from "../core/audit.ts";
import { fail } from "../core/errors.ts";
import type { PublicJointVisit } from "./documents.ts";

/**
 * A partner's mentions of joint visits on its own public site (issue 17, docs/decisions/0257). The
 * partner's coordinator chooses which of the joint visits it took part in to mention; a mention shows
 * to visitors only while the host has published that visit's report (public_site_joint_visits reads
 * it at each build). The participation (visit_partners, read under the partner's own row-level
 * security) is the only grant: another workspace's visit reads as not found, and the table's
 * restrictive policy refuses the row even if this check were skipped.
 */
export type MentionableJointVisit = {
  hostTenantId: string;
  visitId: string;
  hostName: string;
  startsOn: string;
  endsOn: string;
  mentioned: boolean;
  /** The host's public form of the visit; null while its report is not published on the host's site. */
  public: PublicJointVisit | null;
};

export async function listMentionableJointVisits(tx: TenantTx): Promise<MentionableJointVisit[]> {
  const [row] = await tx.$queryRaw<{ document: MentionableJointVisit[] | null }[]>`SELECT public_joint_mentionable() AS document`;
  return row?.document ?? [];
}

async function acceptedParticipation(tx: TenantTx, actor: Actor, hostTenantId: string, visitId: string) {
  const participation = await tx.visitPartner.findFirst({
    where: { tenantId: hostTenantId, visitId, partnerTenantId: actor.tenantId, status: "accepted" },
    select: { visitId: true },
  });
  if (!participation) fail("NOT_FOUND", "errors.notFound");
}

export async function mentionJointVisit(tx: TenantTx, actor: Actor, hostTenantId: string, visitId: string) {
  await acceptedParticipation(tx, actor, hostTenantId, visitId);
  const created = await tx.publicJointMention.createMany({ data: [{ tenantId: actor.tenantId, hostTenantId, visitId }], skipDuplicates: true });
  if (created.count > 0) await recordAudit(tx, actor, { action: "publicSite.jointVisitMentioned", targetType: "visit", targetId: visitId, details: { hostTenantId } });
  return { mentioned: true };
}

export async function unmentionJointVisit(tx: TenantTx, actor: Actor, hostTenantId: string, visitId: string) {
  const removed = await tx.publicJointMention.deleteMany({ where: { tenantId: actor.tenantId, hostTenantId, visitId } });
  if (removed.count === 0) fail("NOT_FOUND", "errors.notFound");
  await recordAudit(tx, actor, { action: "publicSite.jointVisitUnmentioned", targetType: "visit", targetId: visitId, details: { hostTenantId } });
  return { mentioned: false };
}
