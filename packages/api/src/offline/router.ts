import { applyOfflineChange, applyOfflinePhoto } from "./apply.ts";
import { applyOfflineFindingDelete, applyOfflineFindingEdit } from "./finding-changes.ts";
import { offlineAnswerSchema, offlineFindingDeleteSchema, offlineFindingEditSchema, offlineFindingSchema, offlinePhotoSchema, offlineTakeTheirsSchema } from "./inputs.ts";
import { offlinePackage } from "./package.ts";
import { applyTakeTheirs } from "./take-theirs.ts";
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
  sendAnswer: tenantProcedure("monitor")
    .input(offlineAnswerSchema)
    .mutation(({ ctx, input }) => applyOfflineChange(ctx.tx, ctx.actor, { ...input, kind: "answer" })),
  sendFinding: tenantProcedure("monitor")
    .input(offlineFindingSchema)
    .mutation(({ ctx, input }) => applyOfflineChange(ctx.tx, ctx.actor, { ...input, kind: "finding" })),
  sendFindingEdit: tenantProcedure("monitor")
    .input(offlineFindingEditSchema)
    .mutation(({ ctx, input }) => applyOfflineFindingEdit(ctx.tx, ctx.actor, input)),
  sendFindingDelete: tenantProcedure("monitor")
    .input(offlineFindingDeleteSchema)
    .mutation(({ ctx, input }) => applyOfflineFindingDelete(ctx.tx, ctx.actor, input)),
  /** "Take theirs" on a conflict: my value goes into the answer's history, and theirs stays the answer (decision 0261). */
  sendTakeTheirs: tenantProcedure("monitor")
    .input(offlineTakeTheirsSchema)
    .mutation(({ ctx, input }) => applyTakeTheirs(ctx.tx, ctx.actor, input)),
  /** Takes the photo as a stream, so only the web server's offline photo route can call it (like attachments.upload). */
  sendPhoto: tenantProcedure("monitor", { receivesFile: true })
    .input(offlinePhotoSchema)
    .mutation(({ ctx, input }) => applyOfflinePhoto(ctx.tx, ctx.actor, input)),
});
