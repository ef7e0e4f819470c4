import type { TenantTx } from "@vigil/db";
import { similarRecommendations } from "../recommendations/follow-up.ts";
import { findReportVisit } from "./drafting.ts";

/** Below this many characters trigram similarity says little; nothing is suggested yet. */
const MIN_TEXT_LENGTH = 8;

/**
 * Earlier recommendations to the visit's place that read like the one being drafted: the NPM
 * may be repeating itself, and should say so (or ask why nothing changed). The report's own
 * recommendations are not "earlier" and are left out.
 */
export async function similarToDraft(tx: TenantTx, visitId: string, text: string) {
  const trimmed = text.trim();
  if (trimmed.length < MIN_TEXT_LENGTH) return [];
  const visit = await findReportVisit(tx, visitId);
  const found = await similarRecommendations(tx, visit.placeId, trimmed, 10);
  if (found.length === 0) return [];
  const details = await tx.recommendation.findMany({
    where: { id: { in: found.map((r) => r.id) }, visitId: { not: visit.id } },
    select: { id: true, number: true, dueDate: true, visit: { select: { id: true, plannedStart: true } }, report: { select: { sentAt: true } } },
  });
  const byId = new Map(details.map((d) => [d.id, d]));
  return found.flatMap((r) => {
    const detail = byId.get(r.id);
    if (!detail) return [];
    return [{
      id: r.id, text: r.text, status: r.status, similarity: Math.round(Number(r.similarity) * 100) / 100,
      number: detail.number, visitId: detail.visit.id, visitStart: detail.visit.plannedStart, sentAt: detail.report.sentAt,
    }];
  }).slice(0, 5);
}
