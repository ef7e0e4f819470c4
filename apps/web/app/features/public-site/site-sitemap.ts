import type { Route } from "./+types/site-sitemap";
import { publicPage } from "./public-response.server";

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** /p/:site/sitemap.xml — every public page of the site in each of its languages, with hreflang alternates. */
export function loader({ request, context, params }: Route.LoaderArgs) {
  return publicPage({
    request, context, site: params.site, path: "sitemap.xml",
    build: async (home, _language, origin) => {
      const base = `${origin}/p/${home.slug}`;
      const pages: { path: string; updated: string }[] = [
        { path: "", updated: home.updatedAt },
        { path: "/news", updated: home.updatedAt },
        { path: "/reports", updated: home.updatedAt },
        { path: "/figures", updated: home.updatedAt },
        ...home.posts.map((post) => ({ path: `/news/${post.slug}`, updated: post.updatedAt })),
        ...home.reports.map((report) => ({ path: `/reports/${report.id}`, updated: report.publishedAt })),
      ];
      const entries = pages.flatMap((page) =>
        home.languages.map((language) => {
          const alternates = home.languages.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeXml(`${base}${page.path}?lang=${l}`)}"/>`).join("");
          return `<url><loc>${escapeXml(`${base}${page.path}?lang=${language}`)}</loc><lastmod>${new Date(page.updated).toISOString()}</lastmod>${alternates}</url>`;
        }),
      );
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${entries.join("")}</urlset>\n`;
      return { status: 200, contentType: "application/xml; charset=utf-8", body };
    },
  });
}
