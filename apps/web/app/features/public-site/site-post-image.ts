import { openAttachmentFile } from "@vigil/api/evidence-files";
import { publicSitePostImage } from "@vigil/api/public-site";
import type { Route } from "./+types/site-post-image";
import { publicFile } from "./public-response.server";
import { postSlugParam } from "./site-routes.server";

/** A published post's image, stored like evidence with its metadata stripped; streamed from storage. */
export function loader({ request, context, params }: Route.LoaderArgs) {
  const post = postSlugParam(params.post);
  return publicFile({
    request, context, site: post ? params.site : undefined,
    find: async (home) => {
      const image = await publicSitePostImage(home.slug, post ?? "");
      // A new image gets a new storage key: the key is the version of the bytes.
      return image ? { contentType: image.contentType, version: image.storageKey, open: () => openAttachmentFile(image.storageKey) } : null;
    },
  });
}
