import { renderReportPdf, reportFileName } from "@vigil/api/report-pdf";
import { publicReportPdfDocument, publicSiteReport } from "@vigil/api/public-site";
import { contentDisposition } from "../../lib/content-disposition";
import type { Route } from "./+types/site-report-pdf";
import { publicPage } from "./public-response.server";
import { reportIdParam } from "./site-routes.server";

/** The public report as PDF: the same published-only document as its page, without the visit team. */
export function loader({ request, context, params }: Route.LoaderArgs) {
  const reportId = reportIdParam(params.reportId);
  return publicPage({
    request, context, site: reportId ? params.site : undefined, path: `reports/${reportId}/report.pdf`,
    build: async (home) => {
      const report = await publicSiteReport(home.slug, reportId ?? "");
      if (!report) return null;
      const document = publicReportPdfDocument(home, report, report.language);
      const pdf = await renderReportPdf(document, { publicVersion: true });
      return { status: 200, contentType: "application/pdf", body: new Uint8Array(pdf), disposition: contentDisposition(reportFileName(document)) };
    },
  });
}
