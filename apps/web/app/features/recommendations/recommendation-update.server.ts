import { maxAttachmentBytes, MultipartError, receiveMultipart } from "@vigil/api/evidence-files";
import { recordUpdateSchema } from "@vigil/api/inputs";
import { runAction, type ActionFailure, type ServerApi } from "../../lib/api.server";
import { parseForm } from "../../lib/parse-form.server";

export type RecordUpdateResult = ({ ok: true } | ActionFailure) & { recommendationId: string };

/**
 * The "record an update" form posts multipart/form-data (it may carry a document). Its text fields
 * come before the file input, so they are all known when the file starts to arrive; the file is
 * streamed straight into `recommendations.recordUpdate` (docs/decisions/0071 for evidence, 0085).
 * An empty file input (no document chosen) arrives as a file part without a name and is ignored.
 */
export async function recordUpdateFromForm(api: ServerApi, request: Request, tenantSlug: string): Promise<RecordUpdateResult> {
  try {
    return await receiveMultipart(request, maxAttachmentBytes(), async ({ fields, file }) => {
      const recommendationId = fields.recommendationId ?? "";
      const document = file && file.fileName ? { fileName: file.fileName, content: file.content } : null;
      const result = await runAction(api, () =>
        api.caller.recommendations.recordUpdate({
          tenantSlug,
          recommendationId,
          occurredOn: fields.occurredOn ?? "",
          ...parseForm(fields, recordUpdateSchema.pick({ source: true, resultingStatus: true })),
          authorityId: fields.authorityId || null,
          visitId: fields.visitId || null,
          text: fields.text ?? "",
          document,
        }),
      );
      return result.ok ? { ok: true, recommendationId } : { ...result, recommendationId };
    });
  } catch (error) {
    if (!(error instanceof MultipartError)) throw error;
    return { ok: false, message: api.ctx.t("attachmentErrors.malformed"), fieldErrors: {}, recommendationId: "" };
  }
}

export function maxDocumentMegabytes(): number {
  return Math.round((maxAttachmentBytes() / (1024 * 1024)) * 10) / 10;
}

/** Today as "YYYY-MM-DD" (UTC), the default date of a new update. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** What the verification forms on a visit page need from the server. */
export function followUpFormLimits() {
  return { today: today(), maxMegabytes: maxDocumentMegabytes() };
}
