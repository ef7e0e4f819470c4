import { loaderError, serverApi } from "../../lib/api.server";
import type { Route } from "./+types/report-similar";

/** Similar earlier recommendations to the visit's place, for the report editor's fetcher (`?text=`). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const text = (new URL(request.url).searchParams.get("text") ?? "").slice(0, 5_000);
  try {
    const similar = await api.caller.reports.similar({ tenantSlug: params.slug, visitId: params.visitId, text });
    return { text, similar };
  } catch (error) {
    loaderError(error, request);
  }
}
