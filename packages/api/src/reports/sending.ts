import type { TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { sendReport } from "../recommendations/follow-up.ts";
import { recordAudit } from "../core/audit.ts";
import type { Actor } from "../core/actor.ts";
import { dayToDate } from "../visits/checks.ts";
import { assertDraftable, findReportVisit } from "./drafting.ts";

/**
 * Sends the visit's draft report on `sentOn`: every recommendation gets its response due date
 * (`sendReport`, from the workspace's deadline) and the visit moves to "report sent". A report
 * goes out only with recommendations that each name at least one addressee.
 */
export async function sendVisitReport(tx: TenantTx, actor: Actor, visitId: string, sentOn: string, today = new Date()) {
  const visit = await findReportVisit(tx, visitId);
  const report = await tx.report.findFirst({
    where: { visitId: visit.id },
    select: { id: true, status: true, recommendations: { select: { number: true, _count: { select: { addressees: true } } }, orderBy: { number: "asc" } } },
  });
  // The same refusals as drafting: a sent report, or a visit outside the drafting statuses.
  assertDraftable(visit.status, report);
  if (!report || report.recommendations.length === 0) fail("BAD_REQUEST", "reportErrors.noRecommendations");
  const unaddressed = report.recommendations.find((r) => r._count.addressees === 0);
  if (unaddressed) fail("BAD_REQUEST", "reportErrors.recommendationWithoutAddressee", { number: unaddressed.number });
  // The day the report went out, as midnight UTC (the same conversion the visit days use).
  const sentAt = dayToDate(sentOn);
  // A day of slack: "today" in a timezone ahead of UTC is already tomorrow in UTC.
  if (sentAt.getTime() > today.getTime() + 24 * 60 * 60 * 1000) fail("BAD_REQUEST", "reportErrors.sentInFuture", {}, "sentOn");
  if (sentAt.getTime() < visit.plannedStart.getTime()) fail("BAD_REQUEST", "reportErrors.sentBeforeVisit", {}, "sentOn");

  const sent = await sendReport(tx, actor, report.id, sentAt);
  // The visit's cycle follows the report (decision 0050 foresaw this): naming the status read keeps a race honest.
  const { count } = await tx.visit.updateMany({ where: { id: visit.id, status: visit.status }, data: { status: "report_sent", updatedAt: new Date() } });
  if (count !== 1) fail("CONFLICT", "errors.conflict");
  await recordAudit(tx, actor, {
    action: "visit.statusChanged", targetType: "visit", targetId: visit.id,
    details: { from: visit.status, to: "report_sent", reportId: report.id },
  });
  return { reportId: report.id, sentAt, dueDate: sent.dueDate, recommendations: sent.recommendations };
}

export async function reportSettings(tx: TenantTx, actor: Actor) {
  return tx.tenant.findUniqueOrThrow({ where: { id: actor.tenantId }, select: { responseDeadlineDays: true } });
}

/** How many days authorities get to respond; applies to reports sent from now on. */
export async function updateReportSettings(tx: TenantTx, actor: Actor, responseDeadlineDays: number) {
  const before = await reportSettings(tx, actor);
  await tx.tenant.update({ where: { id: actor.tenantId }, data: { responseDeadlineDays } });
  await recordAudit(tx, actor, {
    action: "workspace.responseDeadlineChanged", targetType: "tenant", targetId: actor.tenantId,
    details: { from: before.responseDeadlineDays, to: responseDeadlineDays },
  });
  return { responseDeadlineDays };
}
