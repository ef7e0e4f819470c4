import { loaderError, serverApi } from "../../lib/api.server";
import { evidenceFileResponse, requestedView } from "./evidence-download.server";
import type { Route } from "./+types/attachment-download";

/**
 * Evidence downloads: membership is checked (and the download audited) by the `attachments.open`
 * procedure; the file is then streamed as a download, a preview or a thumbnail (`?view=`, evidenceFileResponse).
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  let attachment;
  try {
    attachment = await api.caller.attachments.open({ tenantSlug: params.slug, attachmentId: params.attachmentId, view: requestedView(request) });
  } catch (error) {
    loaderError(error, request);
  }
  return evidenceFileResponse(attachment);
}
