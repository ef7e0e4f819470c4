import { z } from "zod";
import { localeSchema, placeTypeSchema } from "../core/schemas.ts";

/** Zod schemas of the library router's inputs. */

export const browseLibrarySchema = z.object({
  placeType: placeTypeSchema.optional(),
  language: localeSchema.optional(),
  publisherId: z.uuid().optional(),
  forumId: z.uuid().optional(),
});

export const publicationRefSchema = z.object({ publicationId: z.uuid() });

export const ownPublicationsSchema = z.object({ templateId: z.uuid().optional() });

export const publishToLibrarySchema = z.object({ versionId: z.uuid(), forumId: z.uuid().nullish() });

export const importStatusSchema = z.object({ templateId: z.uuid() });

export const takeUpdateSchema = z.object({ templateId: z.uuid(), publicationId: z.uuid(), take: z.array(z.string().max(80)).max(2000) });
