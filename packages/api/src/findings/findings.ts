import type { FindingSeverity, TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { attachmentSummary, toAttachmentSummary } from "../attachments/attachments.ts";
import { withAuthorWorkspacesOfBoth } from "../joint-visits/attribution.ts";
import { recordAudit } from "../core/audit.ts";
import { findEditableVisit, findVisit, visitSummary } from "../attachments/evidence-access.ts";
import type { Actor } from "../core/actor.ts";

export type FindingFields = { theme: string; text: string; severity: FindingSeverity };

const findingSelect = {
  id: true, visitId: true, theme: true, text: true, severity: true, createdAt: true, updatedAt: true,
  createdBy: { select: { name: true } }, authorTenantId: true,
} as const;

/** The visit's findings, each with its evidence, and the evidence linked to no finding. */
export async function listFindings(tx: TenantTx, visitId: string) {
  const visit = await findVisit(tx, visitId);
  // One after another: a transaction's one connection cannot run queries side by side.
  const findings = await tx.finding.findMany({ where: { visitId }, select: findingSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const attachments = await tx.attachment.findMany({ where: { visitId, recommendationUpdateId: null }, select: attachmentSummary, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  // Who wrote what, with the partner workspace on a joint visit.
  const [attributed, evidence] = await withAuthorWorkspacesOfBoth(tx, visitId, findings, attachments.map(toAttachmentSummary));
  return {
    visit: visitSummary(visit),
    findings: attributed.map((finding) => ({ ...finding, attachments: evidence.filter((a) => a.findingId === finding.id) })),
    unlinkedAttachments: evidence.filter((a) => a.findingId === null),
  };
}

async function findFinding(tx: TenantTx, findingId: string) {
  const finding = await tx.finding.findFirst({ where: { id: findingId }, select: { id: true, visitId: true } });
  if (!finding) fail("NOT_FOUND", "errors.notFound");
  return finding;
}

export async function createFinding(tx: TenantTx, actor: Actor, visitId: string, fields: FindingFields) {
  await findEditableVisit(tx, visitId);
  const finding = await tx.finding.create({ data: { tenantId: actor.tenantId, visitId, theme: fields.theme, text: fields.text, severity: fields.severity, createdById: actor.userId }, select: findingSelect });
  await recordAudit(tx, actor, {
    action: "finding.created", targetType: "finding", targetId: finding.id,
    details: { visitId, severity: fields.severity },
  });
  return finding;
}

export async function updateFinding(tx: TenantTx, actor: Actor, findingId: string, fields: FindingFields) {
  const current = await findFinding(tx, findingId);
  await findEditableVisit(tx, current.visitId);
  const finding = await tx.finding.update({
    where: { tenantId_id: { tenantId: actor.tenantId, id: findingId } },
    data: { theme: fields.theme, text: fields.text, severity: fields.severity, updatedAt: new Date() },
    select: findingSelect,
  });
  await recordAudit(tx, actor, {
    action: "finding.updated", targetType: "finding", targetId: findingId,
    details: { visitId: current.visitId, severity: fields.severity },
  });
  return finding;
}

/** The finding goes; its evidence stays with the visit, unlinked, because a file is a record too. */
export async function deleteFinding(tx: TenantTx, actor: Actor, findingId: string) {
  const current = await findFinding(tx, findingId);
  await findEditableVisit(tx, current.visitId);
  await tx.attachment.updateMany({ where: { findingId }, data: { findingId: null } });
  await tx.finding.delete({ where: { tenantId_id: { tenantId: actor.tenantId, id: findingId } } });
  await recordAudit(tx, actor, {
    action: "finding.deleted", targetType: "finding", targetId: findingId,
    details: { visitId: current.visitId },
  });
  return { id: findingId };
}
