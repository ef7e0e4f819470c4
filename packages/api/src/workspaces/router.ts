import { createWorkspaceSchema, exportRefSchema, scheduleDeletionSchema } from "./inputs.ts";
import { createWorkspace, listUserWorkspaces } from "./workspaces.ts";
import { authedProcedure, router, tenantProcedure } from "../core/trpc.ts";
import { reauthenticationOnlySchema } from "../security/inputs.ts";
import { reauthenticate } from "../security/reauthentication.ts";
import { deletionStatus, restoreWorkspace, scheduleDeletion } from "./deletion.ts";
import { forgetPublicSiteOnCommit } from "../public-site/page-cache.ts";
import { exportDownload, listExports, requestExport } from "./export.ts";
import { enqueueWorkspaceExport } from "../jobs/workspace-export.ts";
import { gettingStarted } from "./getting-started.ts";

export const workspacesRouter = router({
  /** Every workspace the signed-in user belongs to, with their role in each. */
  mine: authedProcedure.query(({ ctx }) => listUserWorkspaces(ctx.user.id)),

  /** The workspace named in the URL, with the caller's role; NOT_FOUND for non-members. */
  current: tenantProcedure("viewer", { allowDuringDeletionGrace: true }).query(({ ctx }) => ({ ...ctx.tenant, role: ctx.membership.role })),

  /** The home's getting-started list: for those who set the workspace up (coordinators and above). */
  gettingStarted: tenantProcedure("coordinator").query(({ ctx }) => gettingStarted(ctx.tx, ctx.membership.role)),

  create: authedProcedure
    .input(createWorkspaceSchema)
    .mutation(({ ctx, input }) => createWorkspace({ ...input, ownerId: ctx.user.id, ipAddress: ctx.ipAddress })),
});

/** An owner deletes the workspace (30 days to change their mind) or restores it. */
export const workspaceDeletionRouter = router({
  status: tenantProcedure("owner", { allowDuringDeletionGrace: true }).query(({ ctx }) => deletionStatus(ctx.tx, ctx.tenant.id)),

  schedule: tenantProcedure("owner")
    .input(scheduleDeletionSchema)
    .mutation(async ({ ctx, input }) => {
      // The typed name guards against a slip; re-authentication against a borrowed or stolen session.
      await reauthenticate(ctx.user, input.reauthentication, { ipAddress: ctx.ipAddress, locale: ctx.locale });
      const scheduled = await scheduleDeletion(ctx.tx, ctx.actor, ctx.tenant.name, input.confirmName);
      // A workspace awaiting deletion has no public site (public_site_tenant): its cached pages go too.
      forgetPublicSiteOnCommit(ctx.tx, ctx.tenant.slug);
      return scheduled;
    }),

  restore: tenantProcedure("owner", { allowDuringDeletionGrace: true, allowWhenReadOnly: true }).mutation(async ({ ctx }) => {
    await restoreWorkspace(ctx.tx, ctx.actor);
    forgetPublicSiteOnCommit(ctx.tx, ctx.tenant.slug);
    return { ok: true as const };
  }),
});

/** Leaving with all your data: an owner exports the whole workspace as one ZIP. */
export const workspaceExportRouter = router({
  // Exporting changes nothing: allowed in a read-only workspace and while it awaits deletion.
  // The ZIP holds every interview: the session alone is not enough (re-authentication).
  start: tenantProcedure("owner", { allowDuringDeletionGrace: true, allowWhenReadOnly: true })
    .input(reauthenticationOnlySchema)
    .mutation(async ({ ctx, input }) => {
    await reauthenticate(ctx.user, input.reauthentication, { ipAddress: ctx.ipAddress, locale: ctx.locale });
    const job = await requestExport(ctx.tx, { ...ctx.actor, sessionId: ctx.session.id }, ctx.locale);
    // Built by the export job, queued in this transaction (decision 0166); its progress is in the export's row.
    await enqueueWorkspaceExport(ctx.tx, { tenantId: ctx.tenant.id, exportId: job.id });
    return job;
  }),

  list: tenantProcedure("owner", { allowDuringDeletionGrace: true }).query(({ ctx }) => listExports(ctx.tx, ctx.session.id)),

  // Only the session that started it (and re-authenticated then) may download, for 24 hours (decision 0032).
  download: tenantProcedure("owner", { allowDuringDeletionGrace: true })
    .input(exportRefSchema)
    .query(({ ctx, input }) => exportDownload(ctx.tx, ctx.tenant.id, input.exportId, ctx.session.id)),
});
