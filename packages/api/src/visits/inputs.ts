import { z } from "zod";
import { boundedNameSchema } from "../core/names.ts";
import { daySchema } from "../core/schemas.ts";

/** Zod schemas of the visits router's inputs (shared by the router and the services' types). */

const visitTypeSchema = z.enum(["in_depth", "thematic", "ad_hoc", "follow_up"]);
export const visitStatusSchema = z.enum(["planned", "in_progress", "report_drafting", "report_sent", "closed", "cancelled"]);
export const visitRoleSchema = z.enum(["lead", "monitor", "doctor", "psychiatrist", "lawyer", "interpreter"]);
const placeTypeSchema = z.enum([
  "prison", "pre_trial_detention", "police_custody", "psychiatric_hospital", "social_care_home",
  "juvenile_centre", "immigration_detention", "asylum_centre", "military_detention", "other",
]);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === "" ? null : value))
    .nullable()
    .optional();

export const teamMemberSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("member"), userId: z.uuid(), visitRole: visitRoleSchema }),
  z.object({
    kind: z.literal("external"),
    name: boundedNameSchema(200),
    expertise: optionalText(300),
    visitRole: visitRoleSchema,
  }),
]);
export type TeamMemberInput = z.infer<typeof teamMemberSchema>;

const planFields = {
  type: visitTypeSchema,
  announced: z.boolean(),
  nightVisit: z.boolean(),
  plannedStart: daySchema,
  plannedEnd: daySchema,
  objectives: optionalText(5000),
  templateVersionId: z.uuid().nullable().optional(),
};

/** The end-before-start refusal; a follow-up visit plan (recommendations/inputs.ts) gives the same one. */
export const endNotBeforeStart = { error: "visitErrors.endBeforeStart", path: ["plannedEnd"] };

export const planVisitSchema = z
  .object({ placeId: z.uuid(), ...planFields, team: z.array(teamMemberSchema).max(30).default([]) })
  .refine((plan) => plan.plannedEnd >= plan.plannedStart, endNotBeforeStart);
export type PlanVisitInput = z.infer<typeof planVisitSchema>;

export const updatePlanSchema = z
  .object({ visitId: z.uuid(), ...planFields })
  .refine((plan) => plan.plannedEnd >= plan.plannedStart, endNotBeforeStart);
export type UpdatePlanInput = z.infer<typeof updatePlanSchema>;

export const visitListSchema = z.object({
  status: visitStatusSchema.optional(),
  placeType: placeTypeSchema.optional(),
  region: z.string().trim().min(1).max(200).optional(),
  year: z.number().int().min(1990).max(2100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type VisitListInput = z.infer<typeof visitListSchema>;

export const visitCalendarSchema = z.object({ year: z.number().int().min(1990).max(2100), month: z.number().int().min(1).max(12) });
