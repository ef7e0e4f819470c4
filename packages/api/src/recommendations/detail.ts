import type { Prisma, TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { attachmentSummary, toAttachmentSummary } from "../attachments/attachments.ts";
import { byName, isOverdue } from "./list.ts";
import { SENT_ONLY } from "./sent.ts";

const timelineSelect = {
  id: true,
  occurredOn: true,
  source: true,
  resultingStatus: true,
  text: true,
  createdAt: true,
  authority: { select: { id: true, name: true } },
  visit: { select: { id: true, plannedStart: true, type: true } },
  createdBy: { select: { name: true } },
  documents: { select: attachmentSummary, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.RecommendationUpdateSelect;

/** Oldest first, as a timeline reads; entries of the same day in the order they were recorded. */
export const timelineOrder = [{ occurredOn: "asc" }, { createdAt: "asc" }, { id: "asc" }] satisfies Prisma.RecommendationUpdateOrderByWithRelationInput[];

export function toTimelineEntry({ documents, ...entry }: Prisma.RecommendationUpdateGetPayload<{ select: typeof timelineSelect }>) {
  return { ...entry, documents: documents.map(toAttachmentSummary) };
}

/** A recommendation of a sent report with where it came from, to whom it is addressed, and its whole timeline. */
export async function getRecommendation(tx: TenantTx, recommendationId: string, today = new Date()) {
  const recommendation = await tx.recommendation.findFirst({
    where: { id: recommendationId, ...SENT_ONLY },
    select: {
      id: true, number: true, text: true, status: true, priority: true, themeTags: true, dueDate: true, firstResponseAt: true, createdAt: true,
      report: { select: { id: true, status: true, sentAt: true, language: true } },
      visit: { select: { id: true, type: true, plannedStart: true, plannedEnd: true, followUps: { select: { id: true, plannedStart: true, status: true }, orderBy: [{ plannedStart: "asc" }, { id: "asc" }] } } },
      place: { select: { id: true, name: true, nameTranslations: true, type: true } },
      addressees: { select: { authority: { select: { id: true, name: true, nameTranslations: true, kind: true } } } },
      updates: { select: timelineSelect, orderBy: timelineOrder },
      // The earlier recommendation it repeats, and the later ones (of sent reports) that repeat it (decision 0192).
      repeats: { select: { id: true, number: true, visit: { select: { id: true, plannedStart: true } } } },
      repeatedBy: { where: SENT_ONLY, select: { id: true, number: true, visit: { select: { id: true, plannedStart: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!recommendation) fail("NOT_FOUND", "errors.notFound");
  const { addressees, updates, ...rest } = recommendation;
  return { ...rest, overdue: isOverdue(rest, today), addressees: byName(addressees), timeline: updates.map(toTimelineEntry) };
}

export { timelineSelect };
