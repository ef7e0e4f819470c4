import { z } from "zod";
import { daySchema, intervieweeCategorySchema } from "../core/schemas.ts";
import { ALLEGATION_CODES } from "./shared.ts";

/** What the interview form sends. There is deliberately no name field: a pseudonym only. */
export const interviewFieldsSchema = z.object({
  pseudonym: z.string().trim().min(1, { error: "interviewErrors.pseudonymRequired" }).max(40, { error: "interviewErrors.pseudonymTooLong" }),
  category: intervieweeCategorySchema,
  consentGiven: z.boolean(),
  allegations: z.array(z.enum(ALLEGATION_CODES)).max(ALLEGATION_CODES.length).default([]),
  reprisalRisk: z.boolean().default(false),
  followUpDue: daySchema.nullable().default(null),
  /** Undefined on an update leaves the stored notes as they are. */
  notes: z.string().max(20_000).optional(),
});

export type InterviewFields = z.infer<typeof interviewFieldsSchema>;

export const createInterviewSchema = interviewFieldsSchema.extend({ visitId: z.uuid() });

export const updateInterviewSchema = interviewFieldsSchema.extend({ interviewId: z.uuid() });

export const interviewRefSchema = z.object({ interviewId: z.uuid() });

/** The home asks for one more than it shows, to know whether to say "more". */
export const followUpsDueSchema = z.object({ limit: z.number().int().min(1).max(50).default(50) });
