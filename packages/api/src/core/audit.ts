import type { Prisma, TenantTx } from "@vigil/db";
import type { Actor } from "./actor.ts";

/**
 * Every action the audit log records. The type checker keeps writers to this list, and a test
 * (audit-actions.test.ts) keeps every entry labelled in all four locales; add the code here, then
 * its labels. Codes are stored as they are: never rename one (old rows keep the old code).
 */
export const AUDIT_ACTIONS = [
  "workspace.created",
  "workspace.twoFactorRequirement",
  "workspace.exported",
  "workspace.deletionScheduled",
  "workspace.restored",
  "workspace.responseDeadlineChanged",
  "workspace.verified",
  "workspace.verificationRevoked",
  "workspace.suspended",
  "workspace.suspensionLifted",
  "workspace.planOverridden",
  "member.invited",
  "member.joined",
  "member.roleChanged",
  "member.removed",
  "invitation.revoked",
  "invitation.resent",
  "billing.checkoutStarted",
  "billing.portalOpened",
  "billing.subscriptionChanged",
  "place.created",
  "place.updated",
  "place.archived",
  "place.unarchived",
  "authority.created",
  "authority.updated",
  "authority.archived",
  "authority.unarchived",
  "template.created",
  "template.imported",
  "template.draftSaved",
  "template.published",
  "template.draftCreated",
  "template.draftDiscarded",
  "template.archived",
  "template.unarchived",
  "library.published",
  "library.unpublished",
  "library.imported",
  "library.updateTaken",
  "visit.planned",
  "visit.planUpdated",
  "visit.statusChanged",
  "visit.teamMemberAdded",
  "visit.teamMemberRemoved",
  "visit.followUpPlanned",
  "visit.takenOffline",
  "checklist.answerSaved",
  "finding.created",
  "finding.updated",
  "finding.deleted",
  "attachment.uploaded",
  "attachment.downloaded",
  "attachment.deleted",
  "interview.created",
  "interview.updated",
  "interview.notesRead",
  "interview.followUpChecked",
  "report.created",
  "report.draftSaved",
  "report.recommendationAdded",
  "report.recommendationUpdated",
  "report.recommendationDeleted",
  "report.recommendationMoved",
  "report.exported",
  "report.sent",
  "recommendation.updated",
  "forum.created",
  "forum.invited",
  "forum.participantRemoved",
  "forum.accepted",
  "forum.declined",
  "forum.benchmarkJoined",
  "forum.benchmarkLeft",
  "forum.agendaItemAdded",
  "forum.agendaItemRemoved",
  "forum.documentShared",
  "forum.documentRemoved",
  "jointVisit.settingChanged",
  "jointVisit.partnerAction",
  "jointVisit.invited",
  "jointVisit.interviewSharingChanged",
  "jointVisit.ended",
  "jointVisit.accepted",
  "jointVisit.declined",
  "jointVisit.memberNominated",
  "jointVisit.memberWithdrawn",
  "publicSite.turnedOn",
  "publicSite.turnedOff",
  "publicSite.settingsChanged",
  "publicSite.postSaved",
  "publicSite.postPublished",
  "publicSite.postScheduled",
  "publicSite.postUnpublished",
  "publicSite.postDeleted",
  "publicSite.reportWithheldChanged",
  "publicSite.reportPublished",
  "publicSite.reportUnpublished",
  "publicSite.jointVisitMentioned",
  "publicSite.jointVisitUnmentioned",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The kinds of record an audit row points at (its `targetType`), each labelled in all four locales
 * under `auditRecordTypes` (audit-actions.test.ts). Like the actions, stored as they are: never rename one.
 */
export const AUDIT_RECORD_TYPES = [
  "workspace",
  "tenant",
  "workspace_billing",
  "workspace_export",
  "membership",
  "invitation",
  "place",
  "authority",
  "checklistTemplate",
  "libraryPublication",
  "visit",
  "finding",
  "attachment",
  "interview",
  "report",
  "recommendation",
  "forum",
  "publicSite",
  "publicPost",
] as const;

type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

/** What happened, to what: the part of an audit row the caller decides. */
export type AuditRecord = {
  action: AuditAction;
  targetType: AuditRecordType;
  targetId?: string | null;
  details?: Prisma.InputJsonObject;
};

/**
 * Who acted, as the log names them: the workspace whose log it is, the user and their address.
 * A procedure passes `ctx.actor`; the few writers outside a workspace procedure (creating a
 * workspace, accepting an invitation) name the same three fields themselves.
 */
export type AuditActor = Pick<Actor, "tenantId" | "userId" | "ipAddress">;

/**
 * Appends to the actor's workspace audit log inside the caller's transaction, so it commits with the change.
 * Written without RETURNING (createMany): a joint-visit partner appends to the host's log, which it
 * may not read (docs/decisions/0100-joint-visits.md).
 */
export async function recordAudit(tx: TenantTx, actor: AuditActor, record: AuditRecord): Promise<void> {
  await writeAuditRow(tx, actor.tenantId, actor.userId, actor.ipAddress, record);
}

/**
 * An event no signed-in member caused (a Stripe webhook, a platform operator's command, the seed):
 * no actor and no address. The details may say who or what it was.
 */
export async function recordSystemAudit(tx: TenantTx, tenantId: string, record: AuditRecord): Promise<void> {
  await writeAuditRow(tx, tenantId, null, null, record);
}

async function writeAuditRow(tx: TenantTx, tenantId: string, actorId: string | null, ipAddress: string | null, record: AuditRecord) {
  await tx.auditEvent.createMany({
    data: {
      tenantId,
      actorId,
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId ?? null,
      details: record.details ?? {},
      ipAddress,
    },
  });
}
