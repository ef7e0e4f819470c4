import { LOCALES } from "@vigil/i18n";
import { z } from "zod";
import { uploadedFileFields } from "../attachments/inputs.ts";
import { boundedNameSchema } from "../core/names.ts";
import { localeSchema, textSchema } from "../core/schemas.ts";

/** Zod schemas of the public site router's inputs (issue 17). */

const languagesSchema = z
  .array(localeSchema)
  .max(LOCALES.length)
  .refine((languages) => new Set(languages).size === languages.length, { error: "validation.invalid" });

export const siteSettingsSchema = z
  .object({
    enabled: z.boolean(),
    languages: languagesSchema,
    /** The mandate on the home page, one text per language. */
    mandate: z.partialRecord(localeSchema, textSchema.pipe(z.string().trim().max(4000))).default({}),
  })
  .refine((settings) => !settings.enabled || settings.languages.length > 0, { error: "publicSiteErrors.languageRequired", path: ["languages"] });

/** A post's address on the site: lower-case words joined by hyphens. */
export const postSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "validation.slug" });

const translationSchema = z.object({
  language: localeSchema,
  title: boundedNameSchema(300),
  body: textSchema.pipe(z.string().max(50_000)),
});

export const postRefSchema = z.object({ postId: z.uuid() });

export const savePostSchema = z.object({
  /** Absent: a new draft. */
  postId: z.uuid().nullish(),
  slug: postSlugSchema,
  translations: z
    .array(translationSchema)
    .min(1, { error: "publicSiteErrors.translationRequired" })
    .max(LOCALES.length)
    .refine((list) => new Set(list.map((t) => t.language)).size === list.length, { error: "validation.invalid" }),
  reportId: z.uuid().nullish(),
  placeId: z.uuid().nullish(),
  forumId: z.uuid().nullish(),
});

export const publishPostSchema = postRefSchema.extend({
  /** When the post goes public: absent or in the past means now; in the future, scheduled. */
  publishAt: z.iso.datetime({ offset: true, error: "validation.invalid" }).nullish(),
});

export const reportRefSchema = z.object({ reportId: z.uuid() });

export const withholdSchema = reportRefSchema.extend({
  withheldRecommendationIds: z.array(z.uuid()).max(1000),
  withheldUpdateIds: z.array(z.uuid()).max(5000),
});

/** A post's image: a JPEG or PNG, stored like evidence (metadata stripped), with its text alternative per language. */
export const postImageSchema = postRefSchema.extend({
  ...uploadedFileFields,
  alt: z.partialRecord(localeSchema, textSchema.pipe(z.string().trim().max(500))).default({}),
});

/** A host's visit the partner took part in, named by the host's workspace and the visit. */
export const jointVisitRefSchema = z.object({ hostTenantId: z.uuid(), visitId: z.uuid() });
