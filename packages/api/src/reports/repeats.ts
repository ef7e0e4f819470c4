import type { RecommendationStatus, TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { recordAudit } from "../core/audit.ts";
import type { Actor } from "../core/actor.ts";
import { SENT_ONLY } from "../recommendations/sent.ts";
import { findDraftRecommendation } from "./drafting.ts";
import type { MarkRepeatInput } from "./inputs.ts";

/**
 * Repeated recommendations (issue 16 §3, docs/decisions/0192): the hints of earlier, sent
 * recommendations to the same place stay beside each drafted recommendation, and the drafter marks
 * one as repeated in one click; the link is shown on both recommendations.
 */

/** How many earlier recommendations each drafted one shows. */
const HINTS_PER_RECOMMENDATION = 3;

export type RepeatHint = { id: string; number: number; text: string; status: RecommendationStatus; visitId: string; visitStart: Date };

/**
 * For each recommendation of a draft, the earlier recommendations of sent reports to the same place
 * that read like it (trigram similarity, as the live hint), in one statement for the whole report.
 */
export async function repeatHints(tx: TenantTx, recommendationIds: string[]): Promise<Map<string, RepeatHint[]>> {
  const hints = new Map<string, RepeatHint[]>();
  if (recommendationIds.length === 0) return hints;
  const rows = await tx.$queryRaw<(RepeatHint & { recommendationId: string })[]>`
    SELECT r.id AS "recommendationId", e.id, e.number, e.text, e.status::text AS status, e.visit_id AS "visitId", e.visit_start AS "visitStart"
      FROM recommendations r
      CROSS JOIN LATERAL (
        SELECT x.id, x.number, x.text, x.status, x.visit_id, v.planned_start AS visit_start
          FROM recommendations x
          JOIN reports rep ON rep.tenant_id = x.tenant_id AND rep.id = x.report_id AND rep.status = 'sent'
          JOIN visits v ON v.tenant_id = x.tenant_id AND v.id = x.visit_id
         WHERE x.tenant_id = r.tenant_id AND x.place_id = r.place_id AND x.visit_id <> r.visit_id AND x.text % r.text
         ORDER BY similarity(x.text, r.text) DESC, x.created_at DESC
         LIMIT ${HINTS_PER_RECOMMENDATION}) e
     WHERE r.tenant_id = (SELECT current_tenant_id()) AND r.id = ANY(${recommendationIds}::uuid[])`;
  for (const { recommendationId, ...hint } of rows) hints.set(recommendationId, [...(hints.get(recommendationId) ?? []), hint]);
  return hints;
}

/**
 * Marks a drafted recommendation as repeating an earlier one (or clears the mark with null). The
 * earlier one must be a recommendation of a sent report, made on another visit to the same place.
 */
export async function markRepeat(tx: TenantTx, actor: Actor, input: MarkRepeatInput) {
  const current = await findDraftRecommendation(tx, input.recommendationId);
  if (input.repeatsRecommendationId) {
    const earlier = await tx.recommendation.findFirst({
      where: { id: input.repeatsRecommendationId, placeId: current.placeId, visitId: { not: current.visitId }, ...SENT_ONLY },
      select: { id: true },
    });
    if (!earlier) fail("NOT_FOUND", "errors.notFound", {}, "repeatsRecommendationId");
  }
  await tx.recommendation.updateMany({ where: { id: current.id }, data: { repeatsRecommendationId: input.repeatsRecommendationId, updatedAt: new Date() } });
  await recordAudit(tx, actor, {
    action: "report.recommendationUpdated", targetType: "recommendation", targetId: current.id,
    details: { reportId: current.reportId, number: current.number, repeats: input.repeatsRecommendationId },
  });
  return { id: current.id, repeatsRecommendationId: input.repeatsRecommendationId };
}
