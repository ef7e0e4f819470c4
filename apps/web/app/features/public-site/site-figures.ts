import type { Route } from "./+types/site-figures";
import { publicPage } from "./public-response.server";
import { buildFigures } from "./site-pages";

export function loader({ request, context, params }: Route.LoaderArgs) {
  return publicPage({ request, context, site: params.site, path: "figures", build: buildFigures });
}
