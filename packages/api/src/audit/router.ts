import { auditExportSchema, auditListSchema } from "./inputs.ts";
import { allAuditEvents, auditCsv, auditFilterOptions, listAuditEvents } from "./log.ts";
import { tenantProcedure, router } from "../core/trpc.ts";

/** The workspace's audit log, for its admins and owners. */
export const auditLogRouter = router({
  list: tenantProcedure("admin")
    .input(auditListSchema)
    .query(({ ctx, input }) => listAuditEvents(ctx.tx, input.filter, input.cursor)),

  filterOptions: tenantProcedure("admin").query(({ ctx }) => auditFilterOptions(ctx.tx)),

  exportCsv: tenantProcedure("admin")
    .input(auditExportSchema)
    .query(async ({ ctx, input }) => auditCsv(await allAuditEvents(ctx.tx, input.filter))),
});
