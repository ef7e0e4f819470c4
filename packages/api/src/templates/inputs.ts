import { z } from "zod";
import { boundedNameSchema } from "../core/names.ts";
import { localeSchema, placeTypeSchema } from "../core/schemas.ts";
import { LOCALES } from "@vigil/i18n";
import { draftContent } from "./draft-content.ts";

/** Zod schemas of the templates router's inputs. */

export const templateRefSchema = z.object({ templateId: z.uuid() });

export const templateVersionRefSchema = z.object({ versionId: z.uuid() });

export const templateSettingsSchema = z.object({
  name: boundedNameSchema(300),
  placeTypes: z.array(placeTypeSchema).max(10).transform((types) => [...new Set(types)]),
  languages: z.array(localeSchema).min(1).max(LOCALES.length).transform((languages) => [...new Set(languages)]),
});

export const publishedVersionsForSchema = z.object({ placeType: placeTypeSchema.optional() });

export const updateDraftSchema = templateRefSchema.extend({ settings: templateSettingsSchema, content: draftContent, expectedUpdatedAt: z.coerce.date() });

export const archiveTemplateSchema = templateRefSchema.extend({ archived: z.boolean() });

/** The file's text, parsed on the server so that errors can name its lines. */
export const importTemplateSchema = z.object({ text: z.string().min(1).max(5_000_000) });
