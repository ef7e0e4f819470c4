import { z } from "zod";
import { daySchema } from "../core/schemas.ts";
import { allAuditEvents, auditCsv, auditFilterOptions, listAuditEvents } from "./log.ts";
import { tenantProcedure, router } from "../core/trpc.ts";

const filter = z.object({
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  targetType: z.string().max(100).optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
});

/** The workspace's audit log, for its admins and owners. */
export const auditLogRouter = router({
  list: tenantProcedure("admin")
    .input(z.object({ filter, cursor: z.string().max(200).optional() }))
    .query(({ ctx, input }) => listAuditEvents(ctx.tx, input.filter, input.cursor)),

  filterOptions: tenantProcedure("admin").query(({ ctx }) => auditFilterOptions(ctx.tx)),

  exportCsv: tenantProcedure("admin")
    .input(z.object({ filter }))
    .query(async ({ ctx, input }) => auditCsv(await allAuditEvents(ctx.tx, input.filter))),
});
