import { Readable } from "node:stream";
import { ObjectNotFound, objectStorage } from "@vigil/api/storage";
import { data } from "react-router";
import { loaderError, serverApi } from "../../lib/api.server";
import type { Route } from "./+types/export-download";

/** Streams a finished workspace export from storage (owners only; the procedure checks the role and the workspace). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    const file = await api.caller.workspaceExport.download({ tenantSlug: params.slug, exportId: params.exportId });
    const body = await objectStorage().get(file.objectKey);
    return new Response(Readable.toWeb(body) as ReadableStream, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Length": String(file.sizeBytes),
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof ObjectNotFound) throw data(null, { status: 404 });
    loaderError(error, request);
  }
}
