import type { Prisma, TenantTx } from "@vigil/db";
import { recordAudit } from "../core/audit.ts";
import { seesAllInterviews } from "../attachments/evidence-access.ts";
import { findInterview } from "./interviews.ts";
import type { Actor } from "../core/actor.ts";

/** The interviews whose reprisal-risk follow-up is still to be checked, as far as `actor` may know of them. */
export function followUpsDueWhere(actor: Actor): Prisma.InterviewWhereInput {
  return {
    reprisalRisk: true,
    followUpCheckedAt: null,
    ...(seesAllInterviews(actor) ? {} : { visit: { team: { some: { userId: actor.userId } } } }),
  };
}

/**
 * Reprisal-risk follow-ups not yet checked, soonest first. Row-level security already hides the
 * interviews of other teams; the where-clause says so again rather than relying on it alone.
 */
export async function listFollowUpsDue(tx: TenantTx, actor: Actor, limit = 50) {
  const rows = await tx.interview.findMany({
    where: followUpsDueWhere(actor),
    select: { id: true, visitId: true, pseudonym: true, followUpDue: true, visit: { select: { place: { select: { name: true } } } } },
    orderBy: [{ followUpDue: "asc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map(({ visit, ...row }) => ({ ...row, placeName: visit.place.name }));
}

/**
 * Someone has checked on the person. Allowed after the report is sent too: the risk of reprisals
 * outlasts the visit.
 */
export async function checkFollowUp(tx: TenantTx, actor: Actor, interviewId: string) {
  const interview = await findInterview(tx, actor, interviewId);
  if (!interview.reprisalRisk || interview.followUpCheckedAt) return { id: interviewId, checked: true };
  await tx.interview.update({
    where: { tenantId_id: { tenantId: actor.tenantId, id: interviewId } },
    data: { followUpCheckedAt: new Date(), followUpCheckedById: actor.userId },
  });
  await recordAudit(tx, actor, {
    action: "interview.followUpChecked", targetType: "interview", targetId: interviewId,
    details: { visitId: interview.visitId },
  });
  return { id: interviewId, checked: true };
}
