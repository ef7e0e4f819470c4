import type { TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { recordAudit } from "../core/audit.ts";
import type { Actor } from "../core/actor.ts";
import { planVisit } from "../visits/planning.ts";
import { timelineOrder, timelineSelect, toTimelineEntry } from "./detail.ts";
import { OPEN_STATUSES, type PlanFollowUpInput } from "./inputs.ts";
import { byName, isOverdue } from "./list.ts";
import { SENT_ONLY } from "./sent.ts";

/**
 * Follow-up visits (docs/decisions/0086): a visit of type follow_up to the same place, naming the
 * visit it follows up; it carries that visit's open recommendations, to be verified on site.
 */
export async function planFollowUpVisit(tx: TenantTx, actor: Actor, input: PlanFollowUpInput) {
  const original = await tx.visit.findFirst({ where: { id: input.visitId }, select: { id: true, placeId: true, status: true } });
  if (!original) fail("NOT_FOUND", "errors.notFound");
  if (original.status === "cancelled") fail("CONFLICT", "followUpErrors.cancelledVisit");
  // planVisit checks the place (not archived), records visit.planned; the link is set right after, in the same transaction.
  const visit = await planVisit(tx, actor, {
    placeId: original.placeId, type: "follow_up", announced: input.announced, nightVisit: input.nightVisit,
    plannedStart: input.plannedStart, plannedEnd: input.plannedEnd, objectives: null, templateVersionId: null, team: [],
  });
  await tx.visit.updateMany({ where: { id: visit.id }, data: { followUpOfVisitId: original.id } });
  const carried = await tx.recommendation.count({ where: { visitId: original.id, ...SENT_ONLY, status: { in: [...OPEN_STATUSES] } } });
  await recordAudit(tx, actor, {
    action: "visit.followUpPlanned", targetType: "visit", targetId: visit.id,
    details: { followUpOfVisitId: original.id, openRecommendations: carried },
  });
  return { id: visit.id, openRecommendations: carried };
}

/**
 * The recommendations to verify on a follow-up visit: those of the visit it follows up that are
 * still open, plus those already verified on this visit (so a verification does not make its
 * recommendation vanish from the page). A visit that follows up nothing has none.
 */
export async function recommendationsToVerify(tx: TenantTx, visitId: string, today = new Date()) {
  const visit = await tx.visit.findFirst({
    where: { id: visitId },
    select: { id: true, followUpOf: { select: { id: true, plannedStart: true, plannedEnd: true } } },
  });
  if (!visit) fail("NOT_FOUND", "errors.notFound");
  if (!visit.followUpOf) return { followUpOf: null, recommendations: [] };
  const rows = await tx.recommendation.findMany({
    where: {
      visitId: visit.followUpOf.id,
      ...SENT_ONLY,
      OR: [{ status: { in: [...OPEN_STATUSES] } }, { updates: { some: { visitId: visit.id } } }],
    },
    select: {
      id: true, number: true, text: true, status: true, dueDate: true, firstResponseAt: true,
      addressees: { select: { authority: { select: { id: true, name: true } } } },
      updates: { where: { visitId: visit.id }, select: timelineSelect, orderBy: timelineOrder },
    },
    orderBy: [{ number: "asc" }, { id: "asc" }],
  });
  return {
    followUpOf: visit.followUpOf,
    recommendations: rows.map(({ addressees, updates, ...row }) => ({
      ...row, overdue: isOverdue(row, today), addressees: byName(addressees), verifications: updates.map(toTimelineEntry),
    })),
  };
}
