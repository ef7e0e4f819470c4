import { Prisma, type RecommendationStatus, type RecommendationUpdateSource, type TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { recordAudit } from "../core/audit.ts";
import type { Actor } from "../core/actor.ts";
import { SENT_ONLY } from "./sent.ts";

/**
 * The core of recommendation tracking (issue 4), shared by the procedures and the reminder job:
 * sending a report starts every recommendation's response deadline; each update appends to the
 * timeline and moves the status; overdue means no response arrived by the due date.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The date a response is due: the sending day plus the workspace's deadline, as a calendar date (UTC). */
export function responseDueDate(sentOn: Date, deadlineDays: number): Date {
  const day = Date.UTC(sentOn.getUTCFullYear(), sentOn.getUTCMonth(), sentOn.getUTCDate());
  return new Date(day + deadlineDays * DAY_MS);
}

export async function sendReport(tx: TenantTx, actor: Actor, reportId: string, sentAt: Date) {
  const report = await tx.report.findFirst({ where: { id: reportId }, select: { id: true, status: true, visitId: true } });
  if (!report) fail("NOT_FOUND", "errors.notFound");
  if (report.status === "sent") fail("CONFLICT", "errors.conflict");
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: actor.tenantId }, select: { responseDeadlineDays: true } });
  const dueDate = responseDueDate(sentAt, tenant.responseDeadlineDays);
  await tx.report.update({
    where: { tenantId_id: { tenantId: actor.tenantId, id: report.id } },
    data: { status: "sent", sentAt, sentById: actor.userId, updatedAt: new Date() },
  });
  const recommendations = await tx.recommendation.updateMany({ where: { reportId: report.id }, data: { dueDate, updatedAt: new Date() } });
  await recordAudit(tx, actor, {
    action: "report.sent", targetType: "report", targetId: report.id,
    details: { visitId: report.visitId, recommendations: recommendations.count, dueDate: dueDate.toISOString().slice(0, 10) },
  });
  return { dueDate, recommendations: recommendations.count };
}

export type RecommendationUpdateInput = {
  recommendationId: string;
  occurredOn: Date;
  source: RecommendationUpdateSource;
  authorityId?: string | null;
  visitId?: string | null;
  resultingStatus: RecommendationStatus;
  text: string;
};

export async function recordRecommendationUpdate(tx: TenantTx, actor: Actor, input: RecommendationUpdateInput) {
  const recommendation = await tx.recommendation.findFirst({ where: { id: input.recommendationId }, select: { id: true, firstResponseAt: true } });
  if (!recommendation) fail("NOT_FOUND", "errors.notFound");
  const update = await tx.recommendationUpdate.create({
    data: {
      tenantId: actor.tenantId, recommendationId: recommendation.id, occurredOn: input.occurredOn, source: input.source,
      authorityId: input.authorityId ?? null, visitId: input.visitId ?? null, resultingStatus: input.resultingStatus, text: input.text,
      createdById: actor.userId,
    },
    select: { id: true },
  });
  const data: Prisma.RecommendationUpdateManyMutationInput = { status: input.resultingStatus, updatedAt: new Date() };
  // The first answer from an authority ends the wait: it is no longer overdue, whatever it says.
  if (input.source === "authority_response" && !recommendation.firstResponseAt) data.firstResponseAt = input.occurredOn;
  await tx.recommendation.updateMany({ where: { id: recommendation.id }, data });
  await recordAudit(tx, actor, {
    action: "recommendation.updated", targetType: "recommendation", targetId: recommendation.id,
    details: { source: input.source, status: input.resultingStatus },
  });
  return update;
}

/**
 * Recommendations whose response deadline has passed without any response. The reminder job asks
 * for `notReminded` (no reminder row yet) and a `take`, so it shares this definition of overdue
 * instead of keeping its own copy of the query.
 */
export function overdueRecommendations(tx: TenantTx, today: Date, options: { notReminded?: boolean; take?: number } = {}) {
  const where: Prisma.RecommendationWhereInput = { firstResponseAt: null, dueDate: { lt: today }, ...SENT_ONLY };
  if (options.notReminded) where.reminder = { is: null };
  return tx.recommendation.findMany({
    where,
    select: { id: true, number: true, text: true, dueDate: true, visitId: true, placeId: true },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: options.take,
  });
}

/**
 * Earlier recommendations to the same place that read like `text` (PostgreSQL trigram similarity):
 * what the NPM already asked for, so a repeated recommendation is recognised as one. With
 * `excludeVisitId` a visit's own recommendations are left out in the query itself, so they cannot
 * take up the `limit` slots before being filtered out; the visit and report columns come in the
 * same query, so the report editor needs no second look-up.
 */
export function similarRecommendations(tx: TenantTx, placeId: string, text: string, options: { limit?: number; excludeVisitId?: string } = {}) {
  const excluded = options.excludeVisitId ? Prisma.sql`AND r.visit_id <> ${options.excludeVisitId}::uuid` : Prisma.empty;
  return tx.$queryRaw<{
    id: string; text: string; status: RecommendationStatus; similarity: number;
    number: number; visitId: string; visitStart: Date; sentAt: Date | null;
  }[]>`
    SELECT r.id, r.text, r.status, similarity(r.text, ${text}) AS similarity,
           r.number, r.visit_id AS "visitId", v.planned_start AS "visitStart", rep.sent_at AS "sentAt"
      FROM recommendations r
      JOIN visits v ON v.tenant_id = r.tenant_id AND v.id = r.visit_id
      JOIN reports rep ON rep.tenant_id = r.tenant_id AND rep.id = r.report_id
     WHERE r.place_id = ${placeId}::uuid AND r.text % ${text} ${excluded}
       -- Earlier recommendations are those of sent reports: another visit's draft is not one yet (decision 0190).
       AND rep.status = 'sent'
     ORDER BY similarity DESC, r.created_at DESC
     LIMIT ${options.limit ?? 5}`;
}
