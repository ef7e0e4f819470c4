import type { Route } from "./+types/site-reports";
import { publicPage } from "./public-response.server";
import { buildReports } from "./site-pages";

export function loader({ request, context, params }: Route.LoaderArgs) {
  return publicPage({ request, context, site: params.site, path: "reports", build: buildReports });
}
