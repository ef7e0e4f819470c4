import type { Route } from "./+types/site-post";
import { publicPage } from "./public-response.server";
import { buildPost } from "./site-pages";
import { postSlugParam } from "./site-routes.server";

export function loader({ request, context, params }: Route.LoaderArgs) {
  const post = postSlugParam(params.post);
  return publicPage({ request, context, site: post ? params.site : undefined, path: `news/${post}`, build: buildPost(post ?? "") });
}
