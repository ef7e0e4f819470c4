import type { Route } from "./+types/site-report";
import { publicPage } from "./public-response.server";
import { buildReport } from "./site-pages";
import { reportIdParam } from "./site-routes.server";

export function loader({ request, context, params }: Route.LoaderArgs) {
  const reportId = reportIdParam(params.reportId);
  return publicPage({ request, context, site: reportId ? params.site : undefined, path: `reports/${reportId}`, build: buildReport(reportId ?? "") });
}
