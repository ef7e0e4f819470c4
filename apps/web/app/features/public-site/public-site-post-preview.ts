import { createElement } from "react";
import { loaderError, serverApi } from "../../lib/api.server";
import type { Route } from "./+types/public-site-post-preview";
import { postIn } from "./post-version";
import { previewResponse } from "./preview.server";
import { PostBody } from "./site-pages";

/** A post exactly as the site will show it, for the NPM (coordinators and above), published or not. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  let post;
  try {
    post = await api.caller.publicSite.previewPost({ tenantSlug: params.slug, postId: params.postId });
  } catch (error) {
    loaderError(error, request);
  }
  // A draft's image is not on the site yet: the preview shows it through the coordinators' route.
  const imagePath = `/t/${params.slug}/public-site/posts/${post.id}/image`;
  return previewResponse(api, params.slug, request, (site) => ({
    path: `news/${post.slug}`,
    section: "news",
    title: postIn(post, site.language).title,
    main: createElement(PostBody, { site, post, reportPath: null, imagePath }),
  }));
}
