import type { Route } from "./+types/site-not-found";
import { publicPage } from "./public-response.server";

/** Any other address under /p/: the public site's one 404, never the application's pages. */
export function loader({ request, context }: Route.LoaderArgs) {
  return publicPage({ request, context, site: undefined, path: "", build: async () => null });
}
