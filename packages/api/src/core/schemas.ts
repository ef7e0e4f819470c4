import { PASSWORD_MAX_LENGTH } from "@vigil/auth/rules";
import {
  AuthorityKind, FindingSeverity, IntervieweeCategory, MemberRole, PlaceType, RecommendationPriority, RecommendationStatus,
  RecommendationUpdateSource, VisitRole, VisitStatus, VisitType,
} from "@vigil/db/enums";
import { LOCALES } from "@vigil/i18n";
import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(254)
  .pipe(z.email({ error: "validation.email" }));

/** One line, no control or bidi characters: names.ts. */
export { nameSchema } from "./names.ts";

/** New passwords are further checked against common passwords by the service. */
export const newPasswordSchema = z.string().max(PASSWORD_MAX_LENGTH);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, { error: "validation.slug" });

export const localeSchema = z.enum(LOCALES);

// --- The database's enums, derived from the Prisma schema so a value is never typed twice (docs/decisions/0165) ---

export const roleSchema = z.enum(MemberRole);
export const placeTypeSchema = z.enum(PlaceType);
export const authorityKindSchema = z.enum(AuthorityKind);
export const visitTypeSchema = z.enum(VisitType);
export const visitStatusSchema = z.enum(VisitStatus);
export const visitRoleSchema = z.enum(VisitRole);
export const findingSeveritySchema = z.enum(FindingSeverity);
export const intervieweeCategorySchema = z.enum(IntervieweeCategory);
export const recommendationStatusSchema = z.enum(RecommendationStatus);
export const recommendationPrioritySchema = z.enum(RecommendationPriority);
export const updateSourceSchema = z.enum(RecommendationUpdateSource);

export const countryCodeSchema = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: "validation.invalid" });

// --- Edge validation: days, free text, keyset cursors (docs/decisions/0135) ---

/**
 * A calendar day as "YYYY-MM-DD" that exists (zod's ISO date checks month lengths and leap years):
 * "2026-13-45" is refused here instead of reaching PostgreSQL as an invalid date. The one day schema
 * of every input; visits are planned in days, not instants.
 */
export const daySchema = z.iso.date({ error: "validation.invalid" });

/** True when the text holds a NUL character, which PostgreSQL cannot store in text (error 22021). */
export function containsNul(text: string): boolean {
  return text.includes("\u0000");
}

/** Free text that PostgreSQL can store: any string without NUL (further limits are the caller's). */
export const textSchema = z.string().refine((text) => !containsNul(text), { error: "validation.invalid" });

/**
 * Optional free text from a form: trimmed, and absent, null or blank all mean "none" (null). The one
 * meaning of optional text; a field whose absence must mean something else gets its own schema.
 */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);
}

/** The input of every procedure that takes one visit and nothing else. */
export const visitRefSchema = z.object({ visitId: z.uuid() });
