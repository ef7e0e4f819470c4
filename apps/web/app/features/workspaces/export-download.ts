import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { loaderError, serverApi } from "../../lib/api.server";
import type { Route } from "./+types/export-download";

/** Streams a finished workspace export (owners only; the procedure checks the role and the workspace). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    const file = await api.caller.workspaceExport.download({ tenantSlug: params.slug, exportId: params.exportId });
    const { size } = await stat(file.path);
    return new Response(Readable.toWeb(createReadStream(file.path)) as ReadableStream, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Length": String(size),
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    loaderError(error, request);
  }
}
