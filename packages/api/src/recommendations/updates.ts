import type { TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { storeAndRecordAttachment } from "../attachments/attachments.ts";
import type { Actor } from "../core/actor.ts";
import { dayToDate } from "../visits/checks.ts";
import { recordRecommendationUpdate } from "./follow-up.ts";
import type { RecordUpdateInput } from "./inputs.ts";
import { SENT_ONLY } from "./sent.ts";

/**
 * Records one timeline entry (through the shared `recordRecommendationUpdate`) with its optional
 * document. Everything is checked before the document's first byte is read; the entry, the status
 * change, the file's row and the audit entries commit together or not at all.
 */
export async function recordUpdate(tx: TenantTx, actor: Actor, input: RecordUpdateInput) {
  const recommendation = await tx.recommendation.findFirst({ where: { id: input.recommendationId, ...SENT_ONLY }, select: { id: true, visitId: true, placeId: true } });
  if (!recommendation) fail("NOT_FOUND", "errors.notFound");
  const authorityId = input.source === "authority_response" ? (input.authorityId ?? null) : null;
  if (authorityId) {
    const authority = await tx.authority.findFirst({ where: { id: authorityId }, select: { id: true } });
    if (!authority) fail("NOT_FOUND", "errors.notFound", {}, "authorityId");
  }
  const visitId = input.source === "follow_up_visit" ? (input.visitId ?? null) : null;
  if (visitId) {
    // A verification happens on a visit to the same place (usually a follow-up of the visit that made the recommendation).
    const visit = await tx.visit.findFirst({ where: { id: visitId }, select: { placeId: true } });
    if (!visit) fail("NOT_FOUND", "errors.notFound", {}, "visitId");
    if (visit.placeId !== recommendation.placeId) fail("BAD_REQUEST", "followUpErrors.otherPlace", {}, "visitId");
  }
  const occurredOn = dayToDate(input.occurredOn);
  // A day ahead of UTC is allowed: it is already tomorrow somewhere the team may be.
  if (occurredOn.getTime() > Date.now() + 24 * 60 * 60 * 1000) fail("BAD_REQUEST", "followUpErrors.inFuture", {}, "occurredOn");
  const update = await recordRecommendationUpdate(tx, actor, {
    recommendationId: recommendation.id, occurredOn, source: input.source, authorityId, visitId, resultingStatus: input.resultingStatus, text: input.text,
  });
  const document = input.document
    ? await storeAndRecordAttachment(tx, actor, {
        visitId: recommendation.visitId, findingId: null, recommendationUpdateId: update.id, fileName: input.document.fileName, content: input.document.content,
      })
    : null;
  return { id: update.id, document };
}
