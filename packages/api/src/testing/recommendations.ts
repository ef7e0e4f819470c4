import { withTenant, type TenantTx } from "@vigil/db";
import { sendReport } from "../recommendations/follow-up.ts";
import type { Actor } from "../core/actor.ts";
import { unique } from "./index.ts";

export type DraftRecommendation = { text: string; themeTags?: string[]; addressees: string[] };

/**
 * A visit to `placeId` on `visitDate` with a report of numbered recommendations, sent on `sentAt`
 * through the shared `sendReport` (which sets the due dates). Reports are drafted by their own
 * procedures; these tests only need one that was sent.
 */
export async function createSentReport(actor: Actor, placeId: string, visitDate: string, sentAt: Date, recommendations: DraftRecommendation[]) {
  return createReport(actor, placeId, visitDate, sentAt, recommendations);
}

/** The same visit and report, still a draft: its recommendations belong to the report editor only. */
export async function createDraftReport(actor: Actor, placeId: string, visitDate: string, recommendations: DraftRecommendation[]) {
  return createReport(actor, placeId, visitDate, null, recommendations);
}

async function createReport(actor: Actor, placeId: string, visitDate: string, sentAt: Date | null, recommendations: DraftRecommendation[]) {
  const tenantId = actor.tenantId;
  return withTenant(tenantId, actor.userId, async (tx) => {
    const visit = await tx.visit.create({
      data: { tenantId, placeId, type: "ad_hoc", plannedStart: new Date(visitDate), plannedEnd: new Date(visitDate), status: "report_drafting" },
      select: { id: true },
    });
    const report = await tx.report.create({ data: { tenantId, visitId: visit.id, language: "en" }, select: { id: true } });
    const ids: string[] = [];
    for (const [index, draft] of recommendations.entries()) {
      const row = await tx.recommendation.create({
        data: { tenantId, reportId: report.id, visitId: visit.id, placeId, number: index + 1, text: draft.text, themeTags: draft.themeTags ?? [] },
        select: { id: true },
      });
      if (draft.addressees.length > 0) await tx.recommendationAddressee.createMany({ data: draft.addressees.map((authorityId) => ({ tenantId, recommendationId: row.id, authorityId })) });
      ids.push(row.id);
    }
    if (sentAt) {
      await sendReport(tx, actor, report.id, sentAt);
      await tx.visit.updateMany({ where: { id: visit.id }, data: { status: "report_sent" } });
    }
    return { visitId: visit.id, reportId: report.id, recommendations: ids };
  });
}

/** A ministry and one of its institutions, the usual pair of addressees. */
export async function createAuthorities(tenantId: string) {
  return withTenant(tenantId, null, async (tx) => {
    const ministry = await tx.authority.create({ data: { tenantId, kind: "ministry", name: unique("Ministry of Interior") }, select: { id: true, name: true } });
    const institution = await tx.authority.create({ data: { tenantId, kind: "institution", name: unique("Police Department"), parentId: ministry.id }, select: { id: true, name: true } });
    return { ministry, institution };
  });
}

/**
 * The Kruševac story's record (June 2014), written in the caller's transaction: the Ministry of
 * Interior, its Police Department Kruševac, the department's custody as a place, and the night visit
 * to it, its report being drafted. The follow-up and public-site tests build their reports on it.
 */
export async function createKrusevacVisit(tx: TenantTx, tenantId: string) {
  const ministry = await tx.authority.create({ data: { tenantId, kind: "ministry", name: "Ministry of Interior" } });
  const department = await tx.authority.create({ data: { tenantId, kind: "institution", name: "Police Department Kruševac", parentId: ministry.id } });
  const place = await tx.place.create({ data: { tenantId, name: "Police Department Kruševac", type: "police_custody", authorityId: department.id } });
  const visit = await tx.visit.create({
    data: { tenantId, placeId: place.id, type: "ad_hoc", nightVisit: true, plannedStart: new Date("2014-06-12"), plannedEnd: new Date("2014-06-12"), status: "report_drafting" },
  });
  return { ministry, department, place, visit };
}
