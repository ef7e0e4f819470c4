import { z } from "zod";
import { boundedNameSchema } from "../core/names.ts";
import { daySchema, optionalText, placeTypeSchema, visitRoleSchema, visitStatusSchema, visitTypeSchema } from "../core/schemas.ts";

/** Zod schemas of the visits router's inputs (shared by the router and the services' types). */

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

export const planningOptionsSchema = z.object({ placeId: z.uuid().optional() });

export const addTeamMemberSchema = z.object({ visitId: z.uuid(), member: teamMemberSchema });

export const removeTeamMemberSchema = z.object({ visitId: z.uuid(), teamMemberId: z.uuid() });

export const transitionVisitSchema = z.object({ visitId: z.uuid(), to: visitStatusSchema });
