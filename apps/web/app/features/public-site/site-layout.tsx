import { formatDate, localizedName, LOCALE_NAMES, type Locale } from "@vigil/i18n";
import type { NamedJson, PublicSiteHome } from "@vigil/api/public-site";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";

/**
 * The frame of every public-site page (issue 17): rendered on the server to static HTML with no
 * script at all, so that a page is the same for every visitor and can be cached; the site's own
 * stylesheet (public/public-site.css) includes the print rules.
 */
/** `origin` is the configured public address (APP_URL) that absolute links name, never the request's. */
export type SiteContext = { home: PublicSiteHome; language: Locale; t: TFunction; origin: string };

export type PageMeta = { title: string; description?: string; type?: "website" | "article"; image?: string | null };

/**
 * The origin of every absolute link of the public site (canonical, hreflang, Open Graph, feed,
 * sitemap): the configured APP_URL, which the server always sets (main.ts). Never the request's
 * Host header: a page is built once and served to every visitor from the cache, so a forged Host
 * would otherwise end up in everyone's copy.
 */
export function siteOrigin(): string {
  return new URL(process.env.APP_URL ?? "http://localhost:3000").origin;
}

export const sitePath = (home: PublicSiteHome, path = "") => `/p/${home.slug}${path ? `/${path}` : ""}`;

/** A link inside the site in a given language. */
export function siteHref(site: SiteContext, path = "", language: Locale = site.language): string {
  return `${sitePath(site.home, path)}?lang=${encodeURIComponent(language)}`;
}

export const nameIn = (named: NamedJson, language: Locale) => localizedName({ name: named.name, nameTranslations: named.names }, language);

export function formatDay(language: Locale, iso: string): string {
  // Visit days and due dates are calendar dates (UTC midnight): formatted in UTC, they stay the same day.
  return formatDate(language, iso, "long", "UTC");
}

type Section = "home" | "news" | "reports" | "figures";

export function renderSitePage(site: SiteContext, path: string, section: Section, meta: PageMeta, main: ReactNode): string {
  const { home, language, t, origin } = site;
  const canonical = `${origin}${siteHref(site, path)}`;
  const nav: { section: Section; path: string; label: string }[] = [
    { section: "home", path: "", label: t("visitorSite.nav.home") },
    { section: "news", path: "news", label: t("visitorSite.nav.news") },
    { section: "reports", path: "reports", label: t("visitorSite.nav.reports") },
    { section: "figures", path: "figures", label: t("visitorSite.nav.figures") },
  ];
  const title = path ? `${meta.title} · ${home.name}` : home.name;
  const html = renderToStaticMarkup(
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        <link rel="stylesheet" href="/public-site.css" />
        <link rel="canonical" href={canonical} />
        {home.languages.map((l) => (
          <link key={l} rel="alternate" hrefLang={l} href={`${origin}${siteHref(site, path, l)}`} />
        ))}
        <link rel="alternate" hrefLang="x-default" href={`${origin}${sitePath(home, path)}`} />
        <link rel="alternate" type="application/atom+xml" title={t("visitorSite.feedTitle", { name: home.name })} href={`${sitePath(home, "feed.xml")}?lang=${language}`} />
        <meta property="og:site_name" content={home.name} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:type" content={meta.type ?? "website"} />
        <meta property="og:url" content={canonical} />
        <meta property="og:locale" content={language.replace("-", "_")} />
        {meta.description ? <meta property="og:description" content={meta.description} /> : null}
        {meta.image ? <meta property="og:image" content={`${origin}${meta.image}`} /> : null}
      </head>
      <body>
        <a className="skip-link" href="#main">{t("visitorSite.skipToContent")}</a>
        <header className="site-header">
          <p className="site-name">
            <a href={siteHref(site)}>{home.name}</a>
          </p>
          <nav aria-label={t("visitorSite.nav.label")} className="site-nav">
            <ul>
              {nav.map((item) => (
                <li key={item.section}>
                  <a href={siteHref(site, item.path)} aria-current={item.section === section ? "page" : undefined}>{item.label}</a>
                </li>
              ))}
            </ul>
          </nav>
          {home.languages.length > 1 ? (
            <nav aria-label={t("visitorSite.languages")} className="site-languages">
              <ul>
                {home.languages.map((l) => (
                  <li key={l}>
                    <a href={siteHref(site, path, l)} hrefLang={l} lang={l} aria-current={l === language ? "true" : undefined}>{LOCALE_NAMES[l]}</a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" className="site-main">{main}</main>
        <footer className="site-footer">
          <p>{t("visitorSite.footer", { name: home.name })}</p>
          <p>
            <a href={`${sitePath(home, "feed.xml")}?lang=${language}`}>{t("visitorSite.feed")}</a>
          </p>
        </footer>
      </body>
    </html>,
  );
  return `<!DOCTYPE html>${html}`;
}

export const HTML = "text/html; charset=utf-8";
