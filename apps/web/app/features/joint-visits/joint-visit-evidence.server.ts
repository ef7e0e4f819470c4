import { emptyUpload, maxAttachmentBytes, MultipartError, receiveMultipart } from "@vigil/api/evidence-files";
import { runAction, type ServerApi } from "../../lib/api.server";
import type { FindingActionResult } from "../evidence/visit-findings.server";

/**
 * A partner's evidence upload to the joint visit: the multipart body is streamed straight into
 * `jointVisits.uploadEvidence` with the PARTNER's own workspace slug, like a workspace's own
 * upload goes into `attachments.upload` (visit-findings.server.ts).
 */
export async function jointEvidenceUpload(api: ServerApi, request: Request, tenantSlug: string, visitId: string): Promise<FindingActionResult> {
  try {
    return await receiveMultipart(request, maxAttachmentBytes(), async ({ fields, file }) => {
      const targetId = fields.uploadTarget ?? "visit";
      const findingId = fields.findingId || null;
      const result = await runAction(api, () =>
        api.caller.jointVisits.uploadEvidence({ tenantSlug, visitId, findingId, fileName: file?.fileName ?? "", content: file?.content ?? emptyUpload() }),
      );
      return result.ok ? { ok: true, intent: "upload", targetId, fileName: result.result.fileName } : { ...result, intent: "upload", targetId };
    });
  } catch (error) {
    if (!(error instanceof MultipartError)) throw error;
    return { ok: false, message: api.ctx.t("attachmentErrors.malformed"), fieldErrors: {}, intent: "upload", targetId: "visit" };
  }
}
