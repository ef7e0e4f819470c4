import type { TenantTx, VisitStatus } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { withAuthorWorkspaces } from "../joint-visits/attribution.ts";
import { isReportDraftableIn } from "../visits/status-rules.ts";
import { recordAudit } from "../core/audit.ts";
import type { Actor } from "../core/actor.ts";
import type { RecommendationFields, ReportDraftInput, ReportLanguage } from "./inputs.ts";
import { REPORT_LANGUAGES } from "./inputs.ts";
import { repeatHints, type RepeatHint } from "./repeats.ts";

/**
 * Drafting a visit's report (docs/decisions/0080-report-drafting-and-sending.md): the summary and
 * language, and the numbered recommendations inside it. Everything here refuses to touch a report
 * that was sent: from then on it and its recommendations are records, followed up elsewhere.
 */

const recommendationSelect = {
  id: true, number: true, text: true, themeTags: true, priority: true, status: true, dueDate: true, updatedAt: true,
  createdBy: { select: { name: true } }, authorTenantId: true,
  repeats: { select: { id: true, number: true, visit: { select: { id: true, plannedStart: true } } } },
  addressees: { select: { authority: { select: { id: true, name: true, kind: true } } }, orderBy: { authority: { name: "asc" } } },
} as const;

export async function findReportVisit(tx: TenantTx, visitId: string) {
  const visit = await tx.visit.findFirst({
    where: { id: visitId },
    select: { id: true, status: true, placeId: true, plannedStart: true, plannedEnd: true, place: { select: { name: true } } },
  });
  if (!visit) fail("NOT_FOUND", "errors.notFound");
  return visit;
}

type ReportState = { id: string; status: "draft" | "sent" } | null;

/** Refuses a sent report or a visit not (yet or any longer) in a drafting status; sending checks the same. */
export function assertDraftable(visitStatus: VisitStatus, report: ReportState): void {
  if (report?.status === "sent") fail("CONFLICT", "reportErrors.alreadySent");
  if (!isReportDraftableIn(visitStatus)) fail("CONFLICT", "reportErrors.visitNotDraftable");
}

function isDraftable(visitStatus: VisitStatus, report: ReportState): boolean {
  return report?.status !== "sent" && isReportDraftableIn(visitStatus);
}

/** A new report's language: the workspace's locale where reports can be written in it, else English. */
function reportLanguageFor(locale: string): ReportLanguage {
  return (REPORT_LANGUAGES as readonly string[]).includes(locale) ? (locale as ReportLanguage) : "en";
}

/** The visit's report as the editor shows it; reading creates nothing (`report` is null before the first save). */
export async function getReport(tx: TenantTx, actor: Actor, visitId: string) {
  const visit = await findReportVisit(tx, visitId);
  // One query after another: a transaction's connection runs them in turn anyway.
  const report = await tx.report.findFirst({
    where: { visitId },
    select: {
      id: true, status: true, language: true, summary: true, sentAt: true, updatedAt: true, sentBy: { select: { name: true } },
      recommendations: { select: recommendationSelect, orderBy: { number: "asc" } },
    },
  });
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: actor.tenantId }, select: { responseDeadlineDays: true, defaultLocale: true } });
  const addressed = new Set(report?.recommendations.flatMap((r) => r.addressees.map((a) => a.authority.id)) ?? []);
  // Archived authorities stay listed only where a recommendation already names them.
  const authorities = await tx.authority.findMany({
    where: { OR: [{ archivedAt: null }, { id: { in: [...addressed] } }] },
    select: { id: true, name: true, kind: true, parent: { select: { name: true } } },
    orderBy: [{ kind: "asc" }, { name: "asc" }, { id: "asc" }],
  });
  // On a joint visit, what a partner's member drafted shows their workspace (docs/decisions/0107).
  const recommendations = report ? await withAuthorWorkspaces(tx, visitId, report.recommendations) : [];
  // While drafting, each recommendation keeps its hints of earlier ones (decision 0192).
  const draftable = isDraftable(visit.status, report);
  const hints = draftable ? await repeatHints(tx, recommendations.map((r) => r.id)) : new Map<string, RepeatHint[]>();
  return {
    visit: { id: visit.id, status: visit.status, placeId: visit.placeId, placeName: visit.place.name, plannedStart: visit.plannedStart, plannedEnd: visit.plannedEnd },
    report: report
      ? {
          ...report,
          language: report.language as ReportLanguage,
          recommendations: recommendations.map(({ addressees, ...recommendation }) => ({
            ...recommendation, addressees: addressees.map((a) => a.authority), repeatHints: hints.get(recommendation.id) ?? [],
          })),
        }
      : null,
    authorities: authorities.map(({ parent, ...authority }) => ({ ...authority, parentName: parent?.name ?? null })),
    draftable,
    responseDeadlineDays: tenant.responseDeadlineDays,
    defaultLanguage: reportLanguageFor(tenant.defaultLocale),
  };
}

/**
 * Saves the summary and language. `expectedUpdatedAt` is the draft the editor started from (null:
 * it saw none); if someone saved in between, the save is refused instead of overwriting their text.
 */
export async function saveDraft(tx: TenantTx, actor: Actor, input: ReportDraftInput) {
  const visit = await findReportVisit(tx, input.visitId);
  const report = await tx.report.findFirst({ where: { visitId: visit.id }, select: { id: true, status: true } });
  assertDraftable(visit.status, report);
  const now = new Date();
  let reportId: string;
  if (!report) {
    if (input.expectedUpdatedAt) fail("CONFLICT", "reportErrors.changedMeanwhile");
    // ON CONFLICT DO NOTHING: of two first saves at once, the second is told the draft now exists.
    const created = await tx.report.createMany({
      data: [{ tenantId: actor.tenantId, visitId: visit.id, language: input.language, summary: input.summary, createdAt: now, updatedAt: now }],
      skipDuplicates: true,
    });
    if (created.count === 0) fail("CONFLICT", "reportErrors.changedMeanwhile");
    reportId = (await tx.report.findFirstOrThrow({ where: { visitId: visit.id }, select: { id: true } })).id;
  } else {
    if (!input.expectedUpdatedAt) fail("CONFLICT", "reportErrors.changedMeanwhile");
    const { count } = await tx.report.updateMany({
      where: { id: report.id, status: "draft", updatedAt: input.expectedUpdatedAt },
      data: { language: input.language, summary: input.summary, updatedAt: now },
    });
    if (count !== 1) fail("CONFLICT", "reportErrors.changedMeanwhile");
    reportId = report.id;
  }
  await recordAudit(tx, actor, {
    action: report ? "report.draftSaved" : "report.created", targetType: "report", targetId: reportId,
    details: { visitId: visit.id, language: input.language },
  });
  return { id: reportId, updatedAt: now };
}

/** The report's row lock: numbering changes take it, so two at once cannot hand out or shift the same number. */
async function lockReport(tx: TenantTx, actor: Actor, reportId: string) {
  await tx.$queryRaw`SELECT id FROM reports WHERE tenant_id = ${actor.tenantId}::uuid AND id = ${reportId}::uuid FOR UPDATE`;
}

/** The draft a recommendation goes into, created (in the workspace's language) if the visit has none yet. */
async function draftFor(tx: TenantTx, actor: Actor, visitId: string) {
  const visit = await findReportVisit(tx, visitId);
  let report = await tx.report.findFirst({ where: { visitId: visit.id }, select: { id: true, status: true } });
  assertDraftable(visit.status, report);
  if (!report) {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: actor.tenantId }, select: { defaultLocale: true } });
    const language = reportLanguageFor(tenant.defaultLocale);
    await tx.report.createMany({ data: [{ tenantId: actor.tenantId, visitId: visit.id, language }], skipDuplicates: true });
    report = await tx.report.findFirstOrThrow({ where: { visitId: visit.id }, select: { id: true, status: true } });
    await recordAudit(tx, actor, {
      action: "report.created", targetType: "report", targetId: report.id,
      details: { visitId: visit.id, language },
    });
  }
  // Numbers are handed out under the report's row lock, so two additions at once cannot take the same one.
  await lockReport(tx, actor, report.id);
  return { visit, report };
}

/** Addressees must be authorities of this workspace (row-level security hides any other). */
async function assertAuthorities(tx: TenantTx, authorityIds: string[]): Promise<void> {
  if (authorityIds.length === 0) return;
  const found = await tx.authority.count({ where: { id: { in: authorityIds } } });
  if (found !== authorityIds.length) fail("BAD_REQUEST", "reportErrors.unknownAuthority", {}, "authorityIds");
}

async function setAddressees(tx: TenantTx, actor: Actor, recommendationId: string, authorityIds: string[]) {
  await tx.recommendationAddressee.deleteMany({ where: { recommendationId } });
  if (authorityIds.length > 0) {
    await tx.recommendationAddressee.createMany({ data: authorityIds.map((authorityId) => ({ tenantId: actor.tenantId, recommendationId, authorityId })) });
  }
}

export async function addRecommendation(tx: TenantTx, actor: Actor, visitId: string, fields: RecommendationFields) {
  const { visit, report } = await draftFor(tx, actor, visitId);
  await assertAuthorities(tx, fields.authorityIds);
  const last = await tx.recommendation.aggregate({ where: { reportId: report.id }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const recommendation = await tx.recommendation.create({
    data: {
      tenantId: actor.tenantId, reportId: report.id, visitId: visit.id, placeId: visit.placeId, number,
      text: fields.text, themeTags: fields.themeTags, priority: fields.priority, createdById: actor.userId,
    },
    select: { id: true, number: true },
  });
  await setAddressees(tx, actor, recommendation.id, fields.authorityIds);
  await recordAudit(tx, actor, {
    action: "report.recommendationAdded", targetType: "recommendation", targetId: recommendation.id,
    details: { reportId: report.id, number, addressees: fields.authorityIds.length },
  });
  return recommendation;
}

/** A drafted recommendation with what decides whether it may still change. */
export async function findDraftRecommendation(tx: TenantTx, recommendationId: string) {
  const recommendation = await tx.recommendation.findFirst({
    where: { id: recommendationId },
    select: { id: true, number: true, reportId: true, visitId: true, placeId: true, report: { select: { id: true, status: true } }, visit: { select: { status: true } } },
  });
  if (!recommendation) fail("NOT_FOUND", "errors.notFound");
  assertDraftable(recommendation.visit.status, recommendation.report);
  return recommendation;
}

export async function updateRecommendation(
  tx: TenantTx, actor: Actor, recommendationId: string, fields: RecommendationFields & { expectedUpdatedAt?: Date | null },
) {
  const current = await findDraftRecommendation(tx, recommendationId);
  await assertAuthorities(tx, fields.authorityIds);
  const now = new Date();
  const { count } = await tx.recommendation.updateMany({
    where: { id: current.id, ...(fields.expectedUpdatedAt ? { updatedAt: fields.expectedUpdatedAt } : {}) },
    data: { text: fields.text, themeTags: fields.themeTags, priority: fields.priority, updatedAt: now },
  });
  if (count !== 1) fail("CONFLICT", "reportErrors.recommendationChanged");
  await setAddressees(tx, actor, current.id, fields.authorityIds);
  await recordAudit(tx, actor, {
    action: "report.recommendationUpdated", targetType: "recommendation", targetId: current.id,
    details: { reportId: current.reportId, number: current.number, addressees: fields.authorityIds.length },
  });
  return { id: current.id, number: current.number, updatedAt: now };
}

// Numbers are unique within a report and checked row by row, so renumbering moves rows through
// numbers no report reaches (a temporary offset) instead of shifting them in place.
const PARKED = 1_000_000;

/** Takes a drafted recommendation out; the ones after it move up, so the numbering has no gaps. */
export async function deleteRecommendation(tx: TenantTx, actor: Actor, recommendationId: string) {
  const current = await findDraftRecommendation(tx, recommendationId);
  await lockReport(tx, actor, current.reportId);
  await tx.recommendationAddressee.deleteMany({ where: { recommendationId: current.id } });
  await tx.recommendation.deleteMany({ where: { id: current.id } });
  await tx.$executeRaw`UPDATE recommendations SET number = number + ${PARKED} WHERE report_id = ${current.reportId}::uuid AND number > ${current.number}`;
  await tx.$executeRaw`UPDATE recommendations SET number = number - ${PARKED + 1} WHERE report_id = ${current.reportId}::uuid AND number > ${PARKED}`;
  await recordAudit(tx, actor, {
    action: "report.recommendationDeleted", targetType: "recommendation", targetId: current.id,
    details: { reportId: current.reportId, number: current.number },
  });
  return { id: current.id };
}

/** Swaps a recommendation with its neighbour above or below; at either end nothing moves. */
export async function moveRecommendation(tx: TenantTx, actor: Actor, recommendationId: string, direction: "up" | "down") {
  const current = await findDraftRecommendation(tx, recommendationId);
  await lockReport(tx, actor, current.reportId);
  const targetNumber = direction === "up" ? current.number - 1 : current.number + 1;
  const neighbour = await tx.recommendation.findFirst({ where: { reportId: current.reportId, number: targetNumber }, select: { id: true } });
  if (!neighbour) return { id: current.id, number: current.number };
  await tx.recommendation.updateMany({ where: { id: current.id }, data: { number: PARKED } });
  await tx.recommendation.updateMany({ where: { id: neighbour.id }, data: { number: current.number } });
  await tx.recommendation.updateMany({ where: { id: current.id }, data: { number: targetNumber } });
  await recordAudit(tx, actor, {
    action: "report.recommendationMoved", targetType: "recommendation", targetId: current.id,
    details: { reportId: current.reportId, from: current.number, to: targetNumber },
  });
  return { id: current.id, number: targetNumber };
}
