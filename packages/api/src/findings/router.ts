import { createFinding, deleteFinding, listFindings, updateFinding } from "./findings.ts";
import { createFindingSchema, findingRefSchema, updateFindingSchema } from "./inputs.ts";
import { visitRefSchema } from "../core/schemas.ts";
import { router, tenantProcedure } from "../core/trpc.ts";

export const findingsRouter = router({
  list: tenantProcedure("viewer").input(visitRefSchema).query(({ ctx, input }) => listFindings(ctx.tx, input.visitId)),

  create: tenantProcedure("monitor")
    .input(createFindingSchema)
    .mutation(({ ctx, input: { visitId, ...fields } }) => createFinding(ctx.tx, ctx.actor, visitId, fields)),

  update: tenantProcedure("monitor")
    .input(updateFindingSchema)
    .mutation(({ ctx, input: { findingId, ...fields } }) => updateFinding(ctx.tx, ctx.actor, findingId, fields)),

  delete: tenantProcedure("monitor")
    .input(findingRefSchema)
    .mutation(({ ctx, input }) => deleteFinding(ctx.tx, ctx.actor, input.findingId)),
});
