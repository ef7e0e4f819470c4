import { deleteAttachment, openAttachment, uploadAttachment } from "./attachments.ts";
import { attachmentRefSchema, openAttachmentSchema, uploadAttachmentSchema } from "./inputs.ts";
import { router, tenantProcedure } from "../core/trpc.ts";

export const attachmentsRouter = router({
  /**
   * Takes the file as a stream, so it is only callable on the server (the upload action passes the
   * multipart part it is parsing); JSON over /api/trpc cannot carry one and is refused by the input.
   */
  upload: tenantProcedure("monitor", { receivesFile: true })
    .input(uploadAttachmentSchema)
    .mutation(({ ctx, input }) => uploadAttachment(ctx.tx, ctx.actor, input)),

  /**
   * For the download route: any member may fetch evidence; a download or preview is audited. A
   * mutation for its audit row, yet a read: a read-only (unpaid) workspace still opens its evidence.
   */
  open: tenantProcedure("viewer", { allowWhenReadOnly: true })
    .input(openAttachmentSchema)
    .mutation(({ ctx, input }) => openAttachment(ctx.tx, ctx.actor, input.attachmentId, input.view)),

  delete: tenantProcedure("monitor")
    .input(attachmentRefSchema)
    .mutation(({ ctx, input }) => deleteAttachment(ctx.tx, ctx.actor, input.attachmentId)),
});
