import { createElement } from "react";
import { loaderError, serverApi } from "../../lib/api.server";
import type { Route } from "./+types/public-site-report-preview";
import { previewResponse } from "./preview.server";
import { nameIn } from "./site-layout";
import { ReportBody } from "./site-pages";

/**
 * A report exactly as the site will show it (what is withheld left out), for the NPM, published or
 * not; its PDF link leads to the same PDF visitors will get, through the coordinators' route.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  let report;
  try {
    report = await api.caller.publicSite.previewReport({ tenantSlug: params.slug, reportId: params.reportId });
  } catch (error) {
    loaderError(error, request);
  }
  const pdfPath = `/t/${params.slug}/public-site/reports/${report.id}/report.pdf`;
  return previewResponse(api, params.slug, request, (site) => ({
    path: `reports/${report.id}`,
    section: "reports",
    title: site.t("visitorSite.reportTitle", { place: nameIn(report.place, site.language) }),
    main: createElement(ReportBody, { site, report, pdfPath }),
  }));
}
