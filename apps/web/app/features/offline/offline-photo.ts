import { TRPCError } from "@trpc/server";
import { describeError, isDatabaseUnavailable } from "@vigil/api";
import { emptyUpload, maxAttachmentBytes, MultipartError, receiveMultipart } from "@vigil/api/evidence-files";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { serverApi } from "../../lib/api.server";
import type { Route } from "./+types/offline-photo";

/**
 * A photo taken offline, sent by the device's queue (decision 0210): multipart with the operation's
 * fields before the file, streamed into `offline.sendPhoto` like an upload from the findings page.
 * Answers JSON: the outcome, or the refusal with its translated message and the tRPC code, so the
 * queue tells a refusal (shown to the monitor) from a failure to deliver (tried again).
 */
export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  try {
    const outcome = await receiveMultipart(request, maxAttachmentBytes(), async ({ fields, file }) =>
      api.caller.offline.sendPhoto({
        tenantSlug: params.slug, visitId: params.visitId, operationId: fields.operationId ?? "",
        findingOperationId: fields.findingOperationId || null, questionId: fields.questionId || null,
        fileName: file?.fileName ?? "", content: file?.content ?? emptyUpload(),
      }),
    );
    return Response.json(outcome);
  } catch (error) {
    if (error instanceof MultipartError) return Response.json({ code: "BAD_REQUEST", message: api.ctx.t("attachmentErrors.malformed") }, { status: 400 });
    if (!(error instanceof TRPCError) || isDatabaseUnavailable(error)) throw error;
    const status = getHTTPStatusCodeFromError(error);
    if (status >= 500) throw error;
    return Response.json({ code: error.code, message: describeError(error, api.ctx.t).message }, { status });
  }
}
