import { z } from "zod";
import { daySchema, localeSchema, recommendationPrioritySchema } from "../core/schemas.ts";

/** Zod schemas of the reports router's inputs (shared by the router and the services' types). */

/** The languages a report can be written in: the app's four locales. */
export const REPORT_LANGUAGES = localeSchema.options;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const reportDraftSchema = z.object({
  visitId: z.uuid(),
  language: localeSchema,
  summary: z.string().trim().max(50_000),
  /** When the editor loaded the draft; null when it saw none. A different value means someone saved meanwhile. */
  expectedUpdatedAt: z.coerce.date().nullable(),
});
export type ReportDraftInput = z.infer<typeof reportDraftSchema>;

/** Theme tags: trimmed, without empties or repeats, in the order typed. */
export const themeTagsSchema = z
  .array(z.string().trim().max(60, { error: "reportErrors.tagTooLong" }))
  .max(20)
  .transform((tags) => [...new Set(tags.filter((tag) => tag !== ""))]);

export const recommendationFieldsSchema = z.object({
  text: z.string().trim().min(1, { error: "reportErrors.textRequired" }).max(5_000),
  authorityIds: z.array(z.uuid()).max(20).transform((ids) => [...new Set(ids)]),
  themeTags: themeTagsSchema,
  priority: recommendationPrioritySchema,
});
export type RecommendationFields = z.infer<typeof recommendationFieldsSchema>;

export const sendReportSchema = z.object({ visitId: z.uuid(), sentOn: daySchema });

export const responseDeadlineSchema = z.object({
  responseDeadlineDays: z.coerce.number().int({ error: "reportErrors.deadlineRange" }).min(1, { error: "reportErrors.deadlineRange" }).max(365, { error: "reportErrors.deadlineRange" }),
});

export const addRecommendationSchema = recommendationFieldsSchema.extend({ visitId: z.uuid() });

export const updateRecommendationSchema = recommendationFieldsSchema.extend({ recommendationId: z.uuid(), expectedUpdatedAt: z.coerce.date().nullish() });

export const recommendationRefSchema = z.object({ recommendationId: z.uuid() });

export const moveRecommendationSchema = z.object({ recommendationId: z.uuid(), direction: z.enum(["up", "down"]) });

/** Marks a drafted recommendation as repeating an earlier one, or clears the mark (null). */
export const markRepeatSchema = z.object({ recommendationId: z.uuid(), repeatsRecommendationId: z.uuid().nullable() });
export type MarkRepeatInput = z.infer<typeof markRepeatSchema>;

export const similarRecommendationsSchema = z.object({ visitId: z.uuid(), text: z.string().max(5_000) });
