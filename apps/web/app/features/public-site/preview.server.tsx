import type { PublicSiteHome } from "@vigil/api/public-site";
import { translator, type Locale } from "@vigil/i18n";
import type { ReactNode } from "react";
import type { ServerApi } from "../../lib/api.server";
import { renderSitePage, siteOrigin, type SiteContext } from "./site-layout";

/**
 * The NPM's preview (issue 17): the page a visitor would get, rendered by the same components from
 * the same SQL document, marked as a preview and never cached.
 */
export async function previewResponse(
  api: ServerApi,
  tenantSlug: string,
  request: Request,
  page: (site: SiteContext) => { path: string; section: "news" | "reports"; title: string; main: ReactNode },
): Promise<Response> {
  const [workspace, settings] = await Promise.all([api.workspace(tenantSlug), api.caller.publicSite.settings({ tenantSlug })]);
  const url = new URL(request.url);
  const languages: Locale[] = settings.languages.length > 0 ? settings.languages : [api.ctx.locale];
  const requested = url.searchParams.get("lang");
  const language = languages.find((l) => l === requested) ?? languages[0] ?? "en";
  const home: PublicSiteHome = { slug: tenantSlug, name: workspace.name, countryCode: workspace.countryCode, languages, mandate: settings.mandate, updatedAt: new Date().toISOString(), posts: [], reports: [] };
  const t = translator(language);
  const site: SiteContext = { home, language, t, origin: siteOrigin() };
  const { path, section, title, main } = page(site);
  const html = renderSitePage(site, path, section, { title }, (
    <>
      <p className="preview-banner" role="status">{t("visitorSite.previewBanner")}</p>
      {main}
    </>
  ));
  const headers = new Headers(api.headers);
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Cache-Control", "private, no-store");
  headers.set("X-Robots-Tag", "noindex");
  return new Response(html, { headers });
}
