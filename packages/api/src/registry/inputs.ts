import { LOCALES, type Locale } from "@vigil/i18n";
import { z } from "zod";
import { boundedNameSchema, isSafeName } from "../core/names.ts";
import { authorityKindSchema, optionalText, placeTypeSchema } from "../core/schemas.ts";

import { ARCHIVE_FILTERS } from "./choices.ts";

export { ARCHIVE_FILTERS, AUTHORITY_KINDS, PLACE_TYPES } from "./choices.ts";

/** One translated name: optional (a form sends "" for an empty field), else a safe name of at most 300 characters. */
const translatedName = z
  .string()
  .trim()
  .max(300)
  .optional()
  .refine((value) => !value || isSafeName(value), { error: "validation.nameCharacters" });

/**
 * The name in other interface languages (issue 16, section 5). Only Vigil's four locales are keys (an
 * unknown key is refused, not dropped); empty fields are left out. Absent on an update, the stored
 * translations are kept, so a caller that knows nothing of them does not erase them.
 */
const nameTranslationsSchema = z
  .strictObject(Object.fromEntries(LOCALES.map((locale) => [locale, translatedName])) as Record<Locale, typeof translatedName>)
  .optional()
  .transform((translations) =>
    translations === undefined
      ? undefined
      : (Object.fromEntries(Object.entries(translations).filter(([, value]) => Boolean(value))) as NameTranslations),
  );
export type NameTranslations = Partial<Record<Locale, string>>;

export const placeFieldsSchema = z.object({
  name: boundedNameSchema(300),
  nameTranslations: nameTranslationsSchema,
  type: placeTypeSchema,
  region: optionalText(200),
  municipality: optionalText(200),
  address: optionalText(500),
  capacity: z.number().int().min(0).max(1_000_000).nullish().transform((value) => value ?? null),
  authorityId: z.uuid().nullish().transform((value) => value ?? null),
  notes: optionalText(10_000),
});
export type PlaceFields = z.output<typeof placeFieldsSchema>;


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
  nameTranslations: nameTranslationsSchema,
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

export const placeRefSchema = z.object({ placeId: z.uuid() });

export const updatePlaceSchema = placeFieldsSchema.extend({ placeId: z.uuid() });

export const archivePlaceSchema = z.object({ placeId: z.uuid(), archived: z.boolean() });

export const authorityListSchema = z.object({ includeArchived: z.boolean().default(false) });

export const updateAuthoritySchema = authorityFieldsSchema.extend({ authorityId: z.uuid() });

export const archiveAuthoritySchema = z.object({ authorityId: z.uuid(), archived: z.boolean() });
