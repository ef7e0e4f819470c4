import { renderReportPdf, reportFileName } from "@vigil/api/report-pdf";
import { publicReportPdfDocument, publicSiteReport } from "@vigil/api/public-site";
import { contentDisposition } from "../../lib/content-disposition";
import type { Route } from "./+types/site-report-pdf";
import { publicFile } from "./public-response.server";
import { renderedPdf } from "./rendered-pdfs.server";
import { reportIdParam } from "./site-routes.server";

/** The public report as PDF: the same published-only document as its page, without the visit team. */
export function loader({ request, context, params }: Route.LoaderArgs) {
  const reportId = reportIdParam(params.reportId);
  return publicFile({
    request, context, site: reportId ? params.site : undefined,
    find: async (home) => {
      const report = await publicSiteReport(home.slug, reportId ?? "");
      if (!report) return null;
      const document = publicReportPdfDocument(home, report, report.language);
      const version = JSON.stringify(document);
      return {
        contentType: "application/pdf",
        // The PDF is rendered from this document alone: a browser whose copy is current gets a 304 without a render.
        version,
        disposition: contentDisposition(reportFileName(document)),
        // Rendered once per document and kept a while: re-requests are not renders (decision 0255's review).
        open: () => renderedPdf(version, async () => new Uint8Array(await renderReportPdf(document, { publicVersion: true }))),
      };
    },
  });
}
