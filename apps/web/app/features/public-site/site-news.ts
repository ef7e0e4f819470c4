import type { Route } from "./+types/site-news";
import { publicPage } from "./public-response.server";
import { buildNews } from "./site-pages";

export function loader({ request, context, params }: Route.LoaderArgs) {
  return publicPage({ request, context, site: params.site, path: "news", build: buildNews });
}
