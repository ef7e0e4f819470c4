import { renderReportPdf, reportFileName } from "@vigil/api/report-pdf";
import { loaderError, serverApi } from "../../lib/api.server";
import { contentDisposition } from "../../lib/content-disposition";
import type { Route } from "./+types/report-pdf";

/**
 * The visit's report as PDF. Membership is checked (and the export audited) by `reports.document`,
 * which reads nothing from the interviews; the PDF is rendered here, in the report's language.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
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
