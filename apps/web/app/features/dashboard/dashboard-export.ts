import { data } from "react-router";
import { loaderError, serverApi } from "../../lib/api.server";
import { contentDisposition } from "../../lib/content-disposition";
import { yearFromUrl } from "./dashboard-year";
import type { Route } from "./+types/dashboard-export";

const FILES = {
  "visits.csv": { what: "visits", format: "csv" },
  "visits.xlsx": { what: "visits", format: "xlsx" },
  "recommendations.csv": { what: "recommendations", format: "csv" },
  "recommendations.xlsx": { what: "recommendations", format: "xlsx" },
} as const;

/** The annual-report spreadsheets: visits or recommendations, CSV or XLSX, optionally for one year. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  // Own keys only: `constructor`, `__proto__` or `toString` would otherwise come from Object.prototype (a 400, not a 404).
  if (!Object.hasOwn(FILES, params.file)) throw data(null, { status: 404 });
  const file = FILES[params.file as keyof typeof FILES];
  const api = await serverApi(request, context, params);
  const input = { tenantSlug: params.slug, year: yearFromUrl(new URL(request.url)), format: file.format };
  try {
    const exported = file.what === "visits" ? await api.caller.dashboard.exportVisits(input) : await api.caller.dashboard.exportRecommendations(input);
    return new Response(new Uint8Array(exported.content), {
      headers: {
        "Content-Type": exported.contentType,
        "Content-Disposition": contentDisposition(exported.fileName),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    loaderError(error, request);
  }
}
