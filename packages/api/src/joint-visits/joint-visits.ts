import type { PlaceType, TenantTx, VisitPartnerStatus, VisitRole, VisitStatus } from "@vigil/db";
import { fail } from "../core/errors.ts";
import type { Actor } from "../core/actor.ts";
import { type AuditAction, recordAudit } from "../core/audit.ts";
import { findVisit } from "../attachments/evidence-access.ts";
import { assertVisitEditable } from "../visits/status-rules.ts";

/**
 * Joint visits, managed from both sides (docs/decisions/0100-joint-visits.md). The host invites,
 * shares interviews and ends; the partner's admins answer and nominate. Every step is audited in
 * both workspaces: in the actor's own log, and in the other's through record_joint_audit().
 */

export type WorkspaceEntry = { id: string; slug: string; name: string; countryCode: string; allowsJointVisits: boolean; verified: boolean };

/**
 * Workspaces that allow joint visits and those the current one already works with (names only),
 * verified ones first (decision 0155): two entries may carry the same name, never the same slug.
 */
export async function workspaceDirectory(tx: TenantTx): Promise<WorkspaceEntry[]> {
  const rows = await tx.$queryRaw<{ id: string; slug: string; name: string; country_code: string; allows_joint_visits: boolean; verified_at: Date | null }[]>`
    SELECT id, slug, name, country_code, allows_joint_visits, verified_at FROM joint_visit_directory()`;
  return rows.map((row) => ({
    id: row.id, slug: row.slug, name: row.name, countryCode: row.country_code, allowsJointVisits: row.allows_joint_visits, verified: row.verified_at !== null,
  }));
}

async function workspaceNames(tx: TenantTx): Promise<Map<string, WorkspaceEntry>> {
  return new Map((await workspaceDirectory(tx)).map((entry) => [entry.id, entry]));
}

type Participation = { hostTenantId: string; visitId: string; partnerTenantId: string };

/** One audit row in the actor's own workspace and the same event in the other side's. */
async function auditBothSides(tx: TenantTx, actor: Actor, action: AuditAction, participation: Participation, details: Record<string, string | boolean | null> = {}) {
  await recordAudit(tx, actor, {
    action, targetType: "visit", targetId: participation.visitId,
    details: { ...details, hostTenantId: participation.hostTenantId, partnerTenantId: participation.partnerTenantId },
  });
  await tx.$executeRaw`SELECT record_joint_audit(${participation.hostTenantId}::uuid, ${participation.visitId}::uuid, ${participation.partnerTenantId}::uuid,
    ${action}, ${JSON.stringify(details)}::jsonb, ${actor.ipAddress})`;
}

// --- The workspace setting --------------------------------------------------------------------

export async function jointVisitSetting(tx: TenantTx, tenantId: string) {
  const tenant = await tx.tenant.findFirst({ where: { id: tenantId }, select: { allowJointVisits: true } });
  return { allowJointVisits: tenant?.allowJointVisits ?? false };
}

export async function setAllowJointVisits(tx: TenantTx, actor: Actor, allow: boolean) {
  await tx.tenant.update({ where: { id: actor.tenantId }, data: { allowJointVisits: allow }, select: { id: true } });
  await recordAudit(tx, actor, {
    action: "jointVisit.settingChanged", targetType: "tenant", targetId: actor.tenantId,
    details: { allowJointVisits: allow },
  });
  return { allowJointVisits: allow };
}

// --- The host's side ---------------------------------------------------------------------------

/** The partners of one of the host's visits, with their nominated members and where to invite. */
export async function visitPartners(tx: TenantTx, actor: Actor, visitId: string) {
  await findVisit(tx, visitId);
  const partners = await tx.visitPartner.findMany({
      where: { tenantId: actor.tenantId, visitId },
      select: {
        partnerTenantId: true, status: true, shareInterviews: true, invitedAt: true, respondedAt: true, endedAt: true,
        members: { select: { userId: true, visitRole: true, user: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      },
      orderBy: { invitedAt: "asc" },
  });
  const names = await workspaceNames(tx);
  const taken = new Set(partners.filter((p) => p.status !== "declined").map((p) => p.partnerTenantId));
  return {
    partners: partners.map((p) => ({
      ...p,
      partner: names.get(p.partnerTenantId) ?? null,
      members: p.members.map((m) => ({ userId: m.userId, name: m.user.name, visitRole: m.visitRole })),
    })),
    invitable: [...names.values()].filter((entry) => entry.allowsJointVisits && !taken.has(entry.id)),
  };
}

async function findPartnership(tx: TenantTx, hostTenantId: string, visitId: string, partnerTenantId: string) {
  const row = await tx.visitPartner.findFirst({ where: { tenantId: hostTenantId, visitId, partnerTenantId }, select: { status: true, shareInterviews: true } });
  if (!row) fail("NOT_FOUND", "errors.notFound");
  return row;
}

/**
 * A visit's findings go to whoever the host picks, so an UNVERIFIED workspace (anyone can sign up
 * with any name) is invited only when the host typed its slug: the one thing a look-alike cannot
 * copy (decision 0155). Verified workspaces need no confirmation.
 */
export async function invitePartner(tx: TenantTx, actor: Actor, visitId: string, partnerTenantId: string, confirmSlug?: string | null) {
  const visit = await findVisit(tx, visitId);
  assertVisitEditable(visit.status);
  const [allowed] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT tenant_allows_joint_visits(${partnerTenantId}::uuid) AS ok`;
  if (partnerTenantId === actor.tenantId || !allowed?.ok) fail("BAD_REQUEST", "jointErrors.partnerUnavailable", {}, "partnerTenantId");
  const key = { tenantId: actor.tenantId, visitId, partnerTenantId };
  const existing = await tx.visitPartner.findFirst({ where: key, select: { status: true } });
  if (existing && existing.status !== "declined") fail("CONFLICT", existing.status === "ended" ? "jointErrors.partnershipEnded" : "jointErrors.alreadyInvited");
  const partner = (await workspaceNames(tx)).get(partnerTenantId);
  if (!partner) fail("BAD_REQUEST", "jointErrors.partnerUnavailable", {}, "partnerTenantId");
  if (!partner.verified && confirmSlug?.trim().toLowerCase() !== partner.slug) fail("BAD_REQUEST", "jointErrors.confirmUnverifiedSlug", { slug: partner.slug }, "confirmSlug");
  if (existing) {
    // Invited again after declining: a new question to the partner, asked as a first invitation is,
    // with interviews not shared (turning sharing on is an admin's separate step, decision 0148).
    await tx.visitPartner.update({
      where: { tenantId_visitId_partnerTenantId: key },
      data: { status: "invited", invitedById: actor.userId, invitedAt: new Date(), respondedAt: null, respondedById: null, shareInterviews: false },
      select: { status: true },
    });
  } else {
    await tx.visitPartner.create({ data: { ...key, invitedById: actor.userId }, select: { status: true } });
  }
  await auditBothSides(tx, actor, "jointVisit.invited", { hostTenantId: actor.tenantId, visitId, partnerTenantId });
  return { status: "invited" as const };
}

export async function setInterviewSharing(tx: TenantTx, actor: Actor, visitId: string, partnerTenantId: string, share: boolean) {
  const current = await findPartnership(tx, actor.tenantId, visitId, partnerTenantId);
  if (current.status === "ended" || current.status === "declined") fail("CONFLICT", "jointErrors.notActive");
  await tx.visitPartner.update({
    where: { tenantId_visitId_partnerTenantId: { tenantId: actor.tenantId, visitId, partnerTenantId } },
    data: { shareInterviews: share },
    select: { status: true },
  });
  await auditBothSides(tx, actor, "jointVisit.interviewSharingChanged", { hostTenantId: actor.tenantId, visitId, partnerTenantId }, { shareInterviews: share });
  return { shareInterviews: share };
}

/** Ends the partnership: the participation policy checks the status, so access stops at once. */
export async function endPartnership(tx: TenantTx, actor: Actor, visitId: string, partnerTenantId: string) {
  const current = await findPartnership(tx, actor.tenantId, visitId, partnerTenantId);
  if (current.status !== "invited" && current.status !== "accepted") fail("CONFLICT", "jointErrors.notActive");
  await tx.visitPartner.update({
    where: { tenantId_visitId_partnerTenantId: { tenantId: actor.tenantId, visitId, partnerTenantId } },
    data: { status: "ended", endedAt: new Date(), endedById: actor.userId },
    select: { status: true },
  });
  await auditBothSides(tx, actor, "jointVisit.ended", { hostTenantId: actor.tenantId, visitId, partnerTenantId });
  return { status: "ended" as const };
}

// --- The partner's side ------------------------------------------------------------------------

export type JointVisitEntry = {
  host: { id: string; name: string; slug: string; countryCode: string };
  visitId: string;
  /** The host's place: its primary name and the names in other languages the host gave it. */
  place: { name: string; nameTranslations: unknown };
  placeType: PlaceType;
  plannedStart: Date;
  plannedEnd: Date;
  visitStatus: VisitStatus;
  status: VisitPartnerStatus;
  shareInterviews: boolean;
  invitedAt: Date;
  members: { userId: string; name: string; visitRole: VisitRole }[];
  /** The signed-in user is nominated: they can open the visit. */
  nominated: boolean;
};

/** Joint visits and invitations addressed to the current workspace (ended ones are gone). */
export async function listJointVisits(tx: TenantTx, actor: Actor): Promise<JointVisitEntry[]> {
  const rows = await tx.$queryRaw<
    {
      host_tenant_id: string; host_name: string; host_slug: string; host_country_code: string; visit_id: string; place_name: string; place_name_translations: unknown; place_type: PlaceType;
      planned_start: Date; planned_end: Date; visit_status: VisitStatus; status: VisitPartnerStatus; share_interviews: boolean; invited_at: Date;
    }[]
  >`SELECT * FROM joint_visit_invitations()`;
  const members = await tx.visitPartnerMember.findMany({
    where: { partnerTenantId: actor.tenantId },
    select: { tenantId: true, visitId: true, userId: true, visitRole: true, user: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => {
    const own = members.filter((m) => m.tenantId === row.host_tenant_id && m.visitId === row.visit_id);
    return {
      host: { id: row.host_tenant_id, name: row.host_name, slug: row.host_slug, countryCode: row.host_country_code },
      visitId: row.visit_id, place: { name: row.place_name, nameTranslations: row.place_name_translations }, placeType: row.place_type, plannedStart: row.planned_start, plannedEnd: row.planned_end,
      visitStatus: row.visit_status, status: row.status, shareInterviews: row.share_interviews, invitedAt: row.invited_at,
      members: own.map((m) => ({ userId: m.userId, name: m.user.name, visitRole: m.visitRole })),
      nominated: row.status === "accepted" && own.some((m) => m.userId === actor.userId),
    };
  });
}

export async function respondToInvitation(tx: TenantTx, actor: Actor, hostTenantId: string, visitId: string, accept: boolean) {
  const current = await findPartnership(tx, hostTenantId, visitId, actor.tenantId);
  if (current.status !== "invited") fail("CONFLICT", "jointErrors.notOpen");
  const status = accept ? "accepted" : "declined";
  await tx.visitPartner.update({
    where: { tenantId_visitId_partnerTenantId: { tenantId: hostTenantId, visitId, partnerTenantId: actor.tenantId } },
    data: { status, respondedAt: new Date(), respondedById: actor.userId },
    select: { status: true },
  });
  await auditBothSides(tx, actor, accept ? "jointVisit.accepted" : "jointVisit.declined", { hostTenantId, visitId, partnerTenantId: actor.tenantId });
  return { status };
}

/** Adds (or re-roles) one of the partner's own members on the visit team; the policy checks both. */
export async function nominateMember(tx: TenantTx, actor: Actor, hostTenantId: string, visitId: string, userId: string, visitRole: VisitRole) {
  const current = await findPartnership(tx, hostTenantId, visitId, actor.tenantId);
  if (current.status !== "accepted") fail("CONFLICT", "jointErrors.notAccepted");
  const member = await tx.membership.findFirst({ where: { tenantId: actor.tenantId, userId }, select: { id: true } });
  if (!member) fail("BAD_REQUEST", "jointErrors.notAMember", {}, "userId");
  const key = { tenantId: hostTenantId, visitId, partnerTenantId: actor.tenantId, userId };
  await tx.visitPartnerMember.upsert({
    where: { tenantId_visitId_partnerTenantId_userId: key },
    create: { ...key, visitRole, nominatedById: actor.userId },
    update: { visitRole },
    select: { userId: true },
  });
  await auditBothSides(tx, actor, "jointVisit.memberNominated", { hostTenantId, visitId, partnerTenantId: actor.tenantId }, { userId, visitRole });
  return { userId, visitRole };
}

export async function withdrawNomination(tx: TenantTx, actor: Actor, hostTenantId: string, visitId: string, userId: string) {
  // Only while the participation is accepted: an ended one is over for the partner, and its
  // audit rows in the host's log are refused (record_joint_audit, decision 0149).
  const current = await findPartnership(tx, hostTenantId, visitId, actor.tenantId);
  if (current.status !== "accepted") fail("CONFLICT", "jointErrors.notAccepted");
  const removed = await tx.visitPartnerMember.deleteMany({ where: { tenantId: hostTenantId, visitId, partnerTenantId: actor.tenantId, userId } });
  if (removed.count === 0) fail("NOT_FOUND", "errors.notFound");
  await auditBothSides(tx, actor, "jointVisit.memberWithdrawn", { hostTenantId, visitId, partnerTenantId: actor.tenantId }, { userId });
  return { userId };
}
