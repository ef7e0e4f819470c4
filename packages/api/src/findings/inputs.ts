import { z } from "zod";
import { findingSeveritySchema } from "../core/schemas.ts";

/** Zod schemas of the findings router's inputs; a joint visit's partner records findings with the same fields. */

export const findingFieldsSchema = z.object({
  theme: z.string().trim().min(1, { error: "findingErrors.themeRequired" }).max(200),
  text: z.string().trim().min(1, { error: "findingErrors.textRequired" }).max(20_000),
  severity: findingSeveritySchema,
});

export const createFindingSchema = findingFieldsSchema.extend({ visitId: z.uuid() });

export const updateFindingSchema = findingFieldsSchema.extend({ findingId: z.uuid() });

export const findingRefSchema = z.object({ findingId: z.uuid() });
