import { z } from "zod";
import { reauthenticate, reauthenticationSchema } from "../services/reauthentication.ts";
import { exportDownload, listExports, requestExport, runExport } from "../services/workspace-export.ts";
import { router, tenantProcedure } from "../trpc.ts";

/** Leaving with all your data: an owner exports the whole workspace as one ZIP. */
export const workspaceExportRouter = router({
  // Exporting changes nothing: allowed in a read-only workspace and while it awaits deletion.
  // The ZIP holds every interview: the session alone is not enough (re-authentication).
  start: tenantProcedure("owner", { allowDuringDeletionGrace: true, allowWhenReadOnly: true })
    .input(z.object({ reauthentication: reauthenticationSchema }))
    .mutation(async ({ ctx, input }) => {
    await reauthenticate(ctx.user, input.reauthentication, { ipAddress: ctx.ipAddress, locale: ctx.locale });
    const job = await requestExport(ctx.tx, { tenantId: ctx.tenant.id, userId: ctx.user.id, sessionId: ctx.session.id, ipAddress: ctx.ipAddress }, ctx.locale);
    // Runs after this request; its progress is in the job's row (see decision 0032 on why not pg-boss yet).
    void runExport(ctx.tenant.id, job.id, ctx.log);
    return job;
  }),

  list: tenantProcedure("owner", { allowDuringDeletionGrace: true }).query(({ ctx }) => listExports(ctx.tx, ctx.session.id)),

  // Only the session that started it (and re-authenticated then) may download, for 24 hours (decision 0032).
  download: tenantProcedure("owner", { allowDuringDeletionGrace: true })
    .input(z.object({ exportId: z.uuid() }))
    .query(({ ctx, input }) => exportDownload(ctx.tx, ctx.tenant.id, input.exportId, ctx.session.id)),
});
