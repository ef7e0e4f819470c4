import { z } from "zod";
import { FINDING_SEVERITIES } from "../interviews/shared.ts";
import { createFinding, deleteFinding, listFindings, updateFinding } from "./findings.ts";
import { router, tenantProcedure } from "../core/trpc.ts";

const id = z.uuid();
const findingFields = z.object({
  theme: z.string().trim().min(1, { error: "findingErrors.themeRequired" }).max(200),
  text: z.string().trim().min(1, { error: "findingErrors.textRequired" }).max(20_000),
  severity: z.enum(FINDING_SEVERITIES),
});

export const findingsRouter = router({
  list: tenantProcedure("viewer").input(z.object({ visitId: id })).query(({ ctx, input }) => listFindings(ctx.tx, input.visitId)),

  create: tenantProcedure("monitor")
    .input(findingFields.extend({ visitId: id }))
    .mutation(({ ctx, input: { visitId, ...fields } }) => createFinding(ctx.tx, ctx.actor, visitId, fields)),

  update: tenantProcedure("monitor")
    .input(findingFields.extend({ findingId: id }))
    .mutation(({ ctx, input: { findingId, ...fields } }) => updateFinding(ctx.tx, ctx.actor, findingId, fields)),

  delete: tenantProcedure("monitor")
    .input(z.object({ findingId: id }))
    .mutation(({ ctx, input }) => deleteFinding(ctx.tx, ctx.actor, input.findingId)),
});
