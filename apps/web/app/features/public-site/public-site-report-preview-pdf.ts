import { publicReportPdfDocument } from "@vigil/api/public-site";
import { renderReportPdf, reportFileName } from "@vigil/api/report-pdf";
import { loaderError, serverApi } from "../../lib/api.server";
import { contentDisposition } from "../../lib/content-disposition";
import type { Route } from "./+types/public-site-report-preview-pdf";

/**
 * The PDF visitors will download, for the NPM before it publishes (docs/decisions/0268): rendered
 * from the same preview document as the preview page, by the same code as the public PDF.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  let report, workspace;
  try {
    [report, workspace] = await Promise.all([
      api.caller.publicSite.previewReport({ tenantSlug: params.slug, reportId: params.reportId }),
      api.workspace(params.slug),
    ]);
  } catch (error) {
    loaderError(error, request);
  }
  const document = publicReportPdfDocument({ name: workspace.name, slug: params.slug }, report, report.language);
  const pdf = await renderReportPdf(document, { publicVersion: true });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.byteLength),
      "Content-Disposition": contentDisposition(reportFileName(document)),
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
