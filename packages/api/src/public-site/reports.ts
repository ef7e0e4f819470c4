import type { TenantTx } from "@vigil/db";
import type { Actor } from "../core/actor.ts";
import { recordAudit } from "../core/audit.ts";
import { fail } from "../core/errors.ts";
import type { PublicReportDocument } from "./documents.ts";

/**
 * Publishing sent reports (issue 17): the NPM chooses recommendations and timeline entries to
 * withhold, previews the report exactly as the site will show it, and publishes or unpublishes it.
 * Only a sent report can be published; every publish, unpublish and change of what is withheld is audited.
 */

/** The workspace's sent reports, newest first, with whether and since when each is public. */
export async function listPublishableReports(tx: TenantTx) {
  const reports = await tx.report.findMany({
    where: { status: "sent" },
    select: {
      id: true, sentAt: true, language: true,
      visit: { select: { id: true, plannedStart: true, place: { select: { name: true, nameTranslations: true } } } },
      publication: { select: { publishedAt: true, withheldRecommendationIds: true, withheldUpdateIds: true } },
      _count: { select: { recommendations: true } },
    },
    orderBy: [{ sentAt: "desc" }, { id: "asc" }],
    take: 500,
  });
  return reports.map(({ publication, _count, ...report }) => ({
    ...report,
    recommendationCount: _count.recommendations,
    publishedAt: publication?.publishedAt ?? null,
    withheldCount: (publication?.withheldRecommendationIds.length ?? 0) + (publication?.withheldUpdateIds.length ?? 0),
  }));
}

async function sentReport(tx: TenantTx, reportId: string) {
  const report = await tx.report.findFirst({ where: { id: reportId, status: "sent" }, select: { id: true, visitId: true } });
  if (!report) fail("NOT_FOUND", "errors.notFound");
  return report;
}

/** One sent report with everything the NPM may withhold, and what it withholds now. */
export async function getReportPublication(tx: TenantTx, reportId: string) {
  const report = await sentReport(tx, reportId);
  const [publication, recommendations] = await Promise.all([
    tx.publicReport.findFirst({ where: { reportId }, select: { publishedAt: true, withheldRecommendationIds: true, withheldUpdateIds: true } }),
    tx.recommendation.findMany({
      where: { reportId },
      select: {
        id: true, number: true, text: true, status: true,
        updates: { select: { id: true, occurredOn: true, source: true, resultingStatus: true, text: true }, orderBy: [{ occurredOn: "asc" }, { createdAt: "asc" }] },
      },
      orderBy: { number: "asc" },
    }),
  ]);
  return {
    reportId: report.id,
    visitId: report.visitId,
    publishedAt: publication?.publishedAt ?? null,
    withheldRecommendationIds: publication?.withheldRecommendationIds ?? [],
    withheldUpdateIds: publication?.withheldUpdateIds ?? [],
    recommendations,
  };
}

/** Chooses what the public version leaves out; ids that are not this report's are refused. */
export async function setWithheld(tx: TenantTx, actor: Actor, reportId: string, withheldRecommendationIds: string[], withheldUpdateIds: string[]) {
  await sentReport(tx, reportId);
  const recommendations = await tx.recommendation.findMany({ where: { reportId }, select: { id: true, updates: { select: { id: true } } } });
  const ownRecommendations = new Set(recommendations.map((r) => r.id));
  const ownUpdates = new Set(recommendations.flatMap((r) => r.updates.map((u) => u.id)));
  if (withheldRecommendationIds.some((id) => !ownRecommendations.has(id)) || withheldUpdateIds.some((id) => !ownUpdates.has(id))) {
    fail("BAD_REQUEST", "validation.invalid");
  }
  const data = { withheldRecommendationIds: [...new Set(withheldRecommendationIds)], withheldUpdateIds: [...new Set(withheldUpdateIds)], updatedAt: new Date() };
  await tx.publicReport.upsert({
    where: { tenantId_reportId: { tenantId: actor.tenantId, reportId } },
    create: { tenantId: actor.tenantId, reportId, ...data },
    update: data,
  });
  await recordAudit(tx, actor, {
    action: "publicSite.reportWithheldChanged",
    targetType: "report",
    targetId: reportId,
    details: { recommendations: data.withheldRecommendationIds.length, responses: data.withheldUpdateIds.length },
  });
  return getReportPublication(tx, reportId);
}

export async function publishReport(tx: TenantTx, actor: Actor, reportId: string) {
  await sentReport(tx, reportId);
  const now = new Date();
  await tx.publicReport.upsert({
    where: { tenantId_reportId: { tenantId: actor.tenantId, reportId } },
    create: { tenantId: actor.tenantId, reportId, publishedAt: now },
    update: { publishedAt: now, updatedAt: now },
  });
  await recordAudit(tx, actor, { action: "publicSite.reportPublished", targetType: "report", targetId: reportId });
  return getReportPublication(tx, reportId);
}

/** Takes a report off the site at once; what it withholds is kept for a later publication. */
export async function unpublishReport(tx: TenantTx, actor: Actor, reportId: string) {
  await sentReport(tx, reportId);
  const changed = await tx.publicReport.updateMany({ where: { reportId, publishedAt: { not: null } }, data: { publishedAt: null, updatedAt: new Date() } });
  if (changed.count > 0) await recordAudit(tx, actor, { action: "publicSite.reportUnpublished", targetType: "report", targetId: reportId });
  return getReportPublication(tx, reportId);
}

/** The report exactly as the site shows (or would show) it, through the same SQL function. */
export async function previewReport(tx: TenantTx, reportId: string): Promise<PublicReportDocument> {
  await sentReport(tx, reportId);
  const [row] = await tx.$queryRaw<{ document: PublicReportDocument | null }[]>`SELECT public_site_report_preview(${reportId}::uuid) AS document`;
  if (!row?.document) fail("NOT_FOUND", "errors.notFound");
  return row.document;
}
