import { loaderError, serverApi } from "../../lib/api.server";
import { evidenceFileResponse, requestedView } from "../evidence/evidence-download.server";
import type { Route } from "./+types/joint-visit-evidence";

/**
 * A joint visit's evidence, downloaded by a partner's nominated member from their own workspace
 * (docs/decisions/0106-joint-evidence.md): `jointVisits.openEvidence` admits only a file of THIS
 * visit, to a nominated member of an accepted partnership, and audits it in both workspaces.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  let attachment;
  try {
    attachment = await api.caller.jointVisits.openEvidence({ tenantSlug: params.slug, visitId: params.visitId, attachmentId: params.attachmentId, view: requestedView(request) });
  } catch (error) {
    loaderError(error, request);
  }
  return evidenceFileResponse(attachment);
}
