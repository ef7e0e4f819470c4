import { cachedPublicPage, knownSiteLanguages, publicPageKey, type CachedPage } from "./page-cache.ts";
import { siteLanguage } from "./visitor-limits.ts";

/**
 * The answer to a visitor's request for a cached public page, in one place for both ways in: the
 * server's early path (apps/web/server/public-page-cache.ts, before React Router) and the route
 * loaders (public-response.server.ts). Same key, same headers, same 304.
 */
const CACHE_CONTROL = "public, max-age=0, must-revalidate";

export type PublicAnswer = { status: number; headers: Record<string, string>; body: string | Uint8Array | null };

/** The page's language among the site's, when the site's languages are known; undefined otherwise. */
export function cachedPageFor(site: string, path: string, requested: string | null, acceptLanguage: string | null): CachedPage | undefined {
  const languages = knownSiteLanguages(site);
  if (!languages) return undefined;
  return cachedPublicPage(publicPageKey(site, path, siteLanguage(languages, requested, acceptLanguage)));
}

/** Whether the browser's copy (If-None-Match) is this version. */
export function revalidated(ifNoneMatch: string | null | undefined, etag: string): boolean {
  return !!ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

export function publicPageAnswer(page: CachedPage, method: string, ifNoneMatch: string | null | undefined): PublicAnswer {
  const headers: Record<string, string> = { "Cache-Control": CACHE_CONTROL, ETag: page.etag, Vary: "Accept-Language" };
  if (page.language) headers["Content-Language"] = page.language;
  if (page.status === 200 && revalidated(ifNoneMatch, page.etag)) return { status: 304, headers, body: null };
  headers["Content-Type"] = page.contentType;
  if (page.disposition) headers["Content-Disposition"] = page.disposition;
  return { status: page.status, headers, body: method === "HEAD" ? null : page.body };
}

export { CACHE_CONTROL as PUBLIC_CACHE_CONTROL };
