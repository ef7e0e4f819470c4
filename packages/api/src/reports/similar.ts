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
  // The visit's own recommendations are excluded in the query, so they never use up a slot.
  const found = await similarRecommendations(tx, visit.placeId, trimmed, { limit: 5, excludeVisitId: visit.id });
  return found.map((r) => ({
    id: r.id, text: r.text, status: r.status, similarity: Math.round(Number(r.similarity) * 100) / 100,
    number: r.number, visitId: r.visitId, visitStart: r.visitStart, sentAt: r.sentAt,
  }));
}
