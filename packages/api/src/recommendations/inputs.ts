import { z } from "zod";
import { daySchema, recommendationStatusSchema, updateSourceSchema } from "../core/schemas.ts";
import { uploadedFileFields } from "../attachments/inputs.ts";
import { endNotBeforeStart } from "../visits/inputs.ts";

/** Zod schemas of the recommendations router's inputs, shared by the router, the services and the web. */

export const RECOMMENDATION_STATUSES = recommendationStatusSchema.options;

/**
 * Still to be verified: everything not yet settled. Implemented and rejected are final answers;
 * not implemented is not, because the authority may still act on it (docs/decisions/0086).
 */
export const OPEN_STATUSES = ["open", "accepted", "in_progress", "partially_implemented", "not_implemented"] as const satisfies readonly (typeof RECOMMENDATION_STATUSES)[number][];

export const recommendationListSchema = z.object({
  status: z.array(recommendationStatusSchema).max(RECOMMENDATION_STATUSES.length).optional(),
  authorityId: z.uuid().optional(),
  placeId: z.uuid().optional(),
  tag: z.string().trim().min(1).max(100).optional(),
  overdue: z.boolean().optional(),
  visitId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type RecommendationListInput = z.infer<typeof recommendationListSchema>;

/**
 * An update of the timeline. The optional document is a stream (the web action hands over the
 * multipart part as it arrives), so with a document the procedure is only callable on the server.
 */
export const recordUpdateSchema = z.object({
  recommendationId: z.uuid(),
  occurredOn: daySchema,
  source: updateSourceSchema,
  authorityId: z.uuid().nullable().optional(),
  visitId: z.uuid().nullable().optional(),
  resultingStatus: recommendationStatusSchema,
  text: z.string().trim().min(1, { error: "followUpErrors.textRequired" }).max(20_000),
  document: z.object(uploadedFileFields).nullable().optional(),
});
export type RecordUpdateInput = z.infer<typeof recordUpdateSchema>;

export const planFollowUpSchema = z
  .object({
    visitId: z.uuid(),
    plannedStart: daySchema,
    plannedEnd: daySchema,
    announced: z.boolean(),
    nightVisit: z.boolean(),
  })
  .refine((plan) => plan.plannedEnd >= plan.plannedStart, endNotBeforeStart);
export type PlanFollowUpInput = z.infer<typeof planFollowUpSchema>;

export const placeHistorySchema = z.object({ placeId: z.uuid() });
