import { z } from "zod";
import { containsNul, optionalText } from "../core/schemas.ts";

/** Zod schemas of the operator console's inputs (decision 0231). */

const workspaceRef = { workspaceId: z.uuid() };

export const workspaceRefSchema = z.object(workspaceRef);

export const listWorkspacesSchema = z
  .object({
    search: z.string().trim().max(200).optional(),
    /** The last workspace of the page before (the console's cursor). */
    after: z.uuid().optional(),
    pageSize: z.number().int().min(1).max(100).optional(),
  })
  .optional();

export const setVerificationSchema = z.object({ ...workspaceRef, verified: z.boolean(), note: optionalText(500) });

export const suspendSchema = z.object({
  ...workspaceRef,
  reason: z.string().trim().min(1).max(500).refine((text) => !containsNul(text), { error: "validation.invalid" }),
});

export const planOverrideSchema = z.object({
  ...workspaceRef,
  // null: no override, the subscription decides again.
  planKey: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, { error: "platformErrors.unknownPlan" }).nullable(),
});
