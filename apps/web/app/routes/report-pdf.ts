import { renderReportPdf, reportFileName } from "@vigil/api/report-pdf";
import { loaderError, serverApi } from "../lib/api.server";
import type { Route } from "./+types/report-pdf";

/** `filename=` for old clients (ASCII only), `filename*=` with the real name for the rest (RFC 6266). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize("NFKD").replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The visit's report as PDF. Membership is checked (and the export audited) by `reports.document`,
 * which reads nothing from the interviews; the PDF is rendered here, in the report's language.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context);
  let document;
  try {
    document = await api.caller.reports.document({ tenantSlug: params.slug, visitId: params.visitId });
  } catch (error) {
    loaderError(error, request);
  }
  const pdf = await renderReportPdf(document);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.byteLength),
      "Content-Disposition": contentDisposition(reportFileName(document)),
      "Cache-Control": "private, no-store",
    },
  });
}
