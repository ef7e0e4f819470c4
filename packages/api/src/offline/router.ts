import { applyOfflineChange, applyOfflinePhoto } from "./apply.ts";
import { offlineChangeSchema, offlinePhotoSchema } from "./inputs.ts";
import { offlinePackage } from "./package.ts";
import { visitRefSchema } from "../core/schemas.ts";
import { router, tenantProcedure } from "../core/trpc.ts";

/**
 * Visits on a device without a network (issue 18, decision 0210): a team member takes the visit
 * along, and sends the changes made offline, each once, checked like a live change.
 */
export const offlineRouter = router({
  takeVisit: tenantProcedure("monitor")
    .input(visitRefSchema)
    .mutation(({ ctx, input }) => offlinePackage(ctx.tx, ctx.actor, input.visitId, ctx.locale)),

  send: tenantProcedure("monitor")
    .input(offlineChangeSchema)
    .mutation(({ ctx, input }) => applyOfflineChange(ctx.tx, ctx.actor, input)),

  /** Takes the photo as a stream, so only the web server's offline photo route can call it (like attachments.upload). */
  sendPhoto: tenantProcedure("monitor")
    .input(offlinePhotoSchema)
    .mutation(({ ctx, input }) => applyOfflinePhoto(ctx.tx, ctx.actor, input)),
});
