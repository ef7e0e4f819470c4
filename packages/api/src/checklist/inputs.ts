import { z } from "zod";
import { contentId } from "../templates/content.ts";

/** Zod schemas of the checklist router's inputs; a joint visit's partner answers through the same ones. */

export const answerHistorySchema = z.object({ visitId: z.uuid(), questionId: contentId });

export const saveAnswerSchema = z.object({
  visitId: z.uuid(),
  questionId: contentId,
  // Checked against the question's kind by the service (answerValueSchema); null clears the answer.
  value: z.json().nullable(),
  // Sent with every answer (not optional): null or blank clears the note.
  note: z.string().trim().max(10_000).nullable().transform((note) => note || null),
  baseRevision: z.number().int().min(0),
});
