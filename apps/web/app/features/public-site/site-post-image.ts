import { openAttachmentFile } from "@vigil/api/evidence-files";
import { publicSitePostImage } from "@vigil/api/public-site";
import type { Route } from "./+types/site-post-image";
import { publicPage } from "./public-response.server";
import { postSlugParam } from "./site-routes.server";

/** A published post's image, stored like evidence with its metadata stripped. */
export function loader({ request, context, params }: Route.LoaderArgs) {
  const post = postSlugParam(params.post);
  return publicPage({
    request, context, site: post ? params.site : undefined, path: `news/${post}/image`,
    build: async (home) => {
      const image = await publicSitePostImage(home.slug, post ?? "");
      if (!image) return null;
      return { status: 200, contentType: image.contentType, body: new Uint8Array(Buffer.concat(await (await openAttachmentFile(image.storageKey)).toArray())) };
    },
  });
}
