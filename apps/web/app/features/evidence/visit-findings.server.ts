import { emptyUpload, maxAttachmentBytes, MultipartError, receiveMultipart } from "@vigil/api/evidence-files";
import { findingFieldsSchema } from "@vigil/api/inputs";
import { formFields, runAction, type ActionFailure, type ServerApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { parseForm } from "../../lib/parse-form.server";

export type FindingActionResult = ({ ok: true } | ActionFailure) & { intent: string; targetId: string; fileName?: string };

/**
 * An upload arrives as multipart/form-data and is streamed straight into the `attachments.upload`
 * procedure (nothing is buffered here); every other form on the page is a small urlencoded post.
 */
async function upload(api: ServerApi, request: Request, tenantSlug: string, visitId: string): Promise<FindingActionResult> {
  try {
    return await receiveMultipart(request, maxAttachmentBytes(), async ({ fields, file }) => {
      const targetId = fields.uploadTarget ?? "visit";
      const findingId = fields.findingId || null;
      const questionId = fields.questionId || null;
      const result = await runAction(api, () =>
        api.caller.attachments.upload({ tenantSlug, visitId, findingId, questionId, fileName: file?.fileName ?? "", content: file?.content ?? emptyUpload() }),
      );
      return result.ok ? { ok: true, intent: "upload", targetId, fileName: result.result.fileName } : { ...result, intent: "upload", targetId };
    });
  } catch (error) {
    if (!(error instanceof MultipartError)) throw error;
    return { ok: false, message: api.ctx.t("attachmentErrors.malformed"), fieldErrors: {}, intent: "upload", targetId: "visit" };
  }
}

export function maxUploadMegabytes(): number {
  return Math.round((maxAttachmentBytes() / (1024 * 1024)) * 10) / 10;
}

const FIELDS = ["intent", "findingId", "attachmentId", "theme", "text", "severity"] as const;

export async function findingAction(api: ServerApi, request: Request, tenantSlug: string, visitId: string): Promise<FindingActionResult> {
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return upload(api, request, tenantSlug, visitId);
  const fields = await formFields(request, FIELDS);
  const finding = () => ({ theme: fields.theme, text: fields.text, severity: parseForm(fields, findingFieldsSchema.pick({ severity: true })).severity });
  const respond = async (intent: string, targetId: string, work: () => Promise<unknown>): Promise<FindingActionResult> => {
    const result = await runAction(api, work);
    return result.ok ? { ok: true, intent, targetId } : { ...result, intent, targetId };
  };
  return dispatchIntent(fields.intent, {
    create: (intent) => respond(intent, fields.findingId, () => api.caller.findings.create({ tenantSlug, visitId, ...finding() })),
    update: (intent) => respond(intent, fields.findingId, () => api.caller.findings.update({ tenantSlug, findingId: fields.findingId, ...finding() })),
    delete: (intent) => respond(intent, fields.findingId, () => api.caller.findings.delete({ tenantSlug, findingId: fields.findingId })),
    deleteAttachment: (intent) => respond(intent, fields.attachmentId, () => api.caller.attachments.delete({ tenantSlug, attachmentId: fields.attachmentId })),
  });
}
