import { z } from "zod";
import { daySchema } from "../core/schemas.ts";

/** Zod schemas of the audit log router's inputs. */

const auditFilterSchema = z.object({
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  targetType: z.string().max(100).optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
});

export const auditListSchema = z.object({ filter: auditFilterSchema, cursor: z.string().max(200).optional() });

export const auditExportSchema = z.object({ filter: auditFilterSchema });
