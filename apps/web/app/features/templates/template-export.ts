import { loaderError, serverApi } from "../../lib/api.server";
import type { Route } from "./+types/template-export";

/** A version in the exchange format (docs/template-format.md), as a file to save. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    const file = await api.caller.templates.export({ tenantSlug: params.slug, versionId: params.versionId });
    const version = await api.caller.templates.version({ tenantSlug: params.slug, versionId: params.versionId });
    const slug = file.name.normalize("NFKD").replace(/[^\w]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "template";
    const fileName = `${slug}-${version.version ? `v${version.version}` : "draft"}.json`;
    return new Response(`${JSON.stringify(file, null, 2)}\n`, {
      headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` },
    });
  } catch (error) {
    loaderError(error, request);
  }
}
