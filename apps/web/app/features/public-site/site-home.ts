import type { Route } from "./+types/site-home";
import { publicPage } from "./public-response.server";
import { buildHome } from "./site-pages";

/** /p/:site — the NPM's public home page (issue 17). */
export function loader({ request, context, params }: Route.LoaderArgs) {
  return publicPage({ request, context, site: params.site, path: "", build: buildHome });
}
