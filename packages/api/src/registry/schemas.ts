import { z } from "zod";
import { boundedNameSchema } from "../core/names.ts";

/** The kinds of places of deprivation of liberty (OPCAT art. 4), as the database names them. */
export const PLACE_TYPES = [
  "prison", "pre_trial_detention", "police_custody", "psychiatric_hospital", "social_care_home",
  "juvenile_centre", "immigration_detention", "asylum_centre", "military_detention", "other",
] as const;
export const placeTypeSchema = z.enum(PLACE_TYPES);

export const AUTHORITY_KINDS = ["institution", "ministry"] as const;
export const authorityKindSchema = z.enum(AUTHORITY_KINDS);

/** Optional free text: an empty form field means "none". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

export const placeFieldsSchema = z.object({
  name: boundedNameSchema(300),
  type: placeTypeSchema,
  region: optionalText(200),
  municipality: optionalText(200),
  address: optionalText(500),
  capacity: z.number().int().min(0).max(1_000_000).nullish().transform((value) => value ?? null),
  authorityId: z.uuid().nullish().transform((value) => value ?? null),
  notes: optionalText(10_000),
});
export type PlaceFields = z.output<typeof placeFieldsSchema>;

export const ARCHIVE_FILTERS = ["active", "archived", "all"] as const;

export const placeListSchema = z.object({
  search: z.string().trim().max(200).optional(),
  type: placeTypeSchema.optional(),
  region: z.string().trim().max(200).optional(),
  archived: z.enum(ARCHIVE_FILTERS).default("active"),
  cursor: z.string().max(1000).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type PlaceListQuery = z.output<typeof placeListSchema>;

export const authorityFieldsSchema = z.object({
  kind: authorityKindSchema,
  name: boundedNameSchema(300),
  parentId: z.uuid().nullish().transform((value) => value ?? null),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .nullish()
    .transform((value) => value || null)
    .pipe(z.email({ error: "validation.email" }).nullable()),
});
export type AuthorityFields = z.output<typeof authorityFieldsSchema>;
