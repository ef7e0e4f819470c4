import { z } from "zod";
import { deleteAttachment, openAttachment, uploadAttachment } from "./attachments.ts";
import { router, tenantProcedure } from "../core/trpc.ts";

const id = z.uuid();

function isByteStream(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

export const attachmentsRouter = router({
  /**
   * Takes the file as a stream, so it is only callable on the server (the upload action passes the
   * multipart part it is parsing); JSON over /api/trpc cannot carry one and is refused by the input.
   */
  upload: tenantProcedure("monitor")
    .input(z.object({
      visitId: id,
      findingId: id.nullable().default(null),
      fileName: z.string().trim().min(1, { error: "attachmentErrors.noFile" }).max(1000),
      content: z.custom<AsyncIterable<Uint8Array>>(isByteStream, { error: "attachmentErrors.noFile" }),
    }))
    .mutation(({ ctx, input }) => uploadAttachment(ctx.tx, ctx.actor, input)),

  /** For the download route: any member may fetch evidence; the download is audited. */
  open: tenantProcedure("viewer")
    .input(z.object({ attachmentId: id }))
    .mutation(({ ctx, input }) => openAttachment(ctx.tx, ctx.actor, input.attachmentId)),

  delete: tenantProcedure("monitor")
    .input(z.object({ attachmentId: id }))
    .mutation(({ ctx, input }) => deleteAttachment(ctx.tx, ctx.actor, input.attachmentId)),
});
