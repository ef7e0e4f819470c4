import { openAttachmentFile } from "@vigil/api/evidence-files";
import { ObjectNotFound } from "@vigil/api/storage";
import { Readable } from "node:stream";
import { data } from "react-router";
import { loaderError, serverApi } from "../../lib/api.server";
import type { Route } from "./+types/public-site-post-preview-image";

/**
 * A post's image for its preview, published or not: coordinators of the workspace only (the
 * `publicSite.previewPostImage` procedure checks), never cached; the visitors' route serves it once
 * the post is public.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  let image;
  try {
    image = await api.caller.publicSite.previewPostImage({ tenantSlug: params.slug, postId: params.postId });
  } catch (error) {
    loaderError(error, request);
  }
  let file;
  try {
    file = await openAttachmentFile(image.storageKey);
  } catch (error) {
    if (error instanceof ObjectNotFound) throw data(null, { status: 404 });
    throw error;
  }
  return new Response(Readable.toWeb(file) as ReadableStream<Uint8Array>, {
    headers: { "Content-Type": image.contentType, "Cache-Control": "private, no-store", "Content-Security-Policy": "default-src 'none'; sandbox" },
  });
}
