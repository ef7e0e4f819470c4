import { loaderError, serverApi } from "../../lib/api.server";
import { auditFilterFromUrl } from "./audit-filter";
import type { Route } from "./+types/audit-export";

/** The audit log as CSV, with the page's filters (admins and owners only, like the page). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    const csv = await api.caller.auditLog.exportCsv({ tenantSlug: params.slug, filter: auditFilterFromUrl(new URL(request.url)) });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-log-${params.slug}-${day}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    loaderError(error, request);
  }
}
