import { createHash } from "node:crypto";
import { slugSchema } from "@vigil/api";
import { cachedPublicPage, cachePublicPage, publicSiteHome, reservePublicRead, siteLanguage, type CachedPage, type PublicSiteHome } from "@vigil/api/public-site";
import { acceptedLocales, type Locale } from "@vigil/i18n";
import type { AppLoadContext } from "react-router";
import { notFoundPage } from "./not-found-page.server";

/**
 * Every visitor's response of the public site goes through here (issue 17, docs/decisions/0203):
 * no session is read and no cookie set; the page is built once per site, path and language and
 * served from memory after; it carries an ETag, so a browser revalidates it (304) on every visit and
 * an unpublished page is gone at once; a page that must be built counts against the address's limit.
 * Anything that is not there (an unknown site, a site that is off, a draft or scheduled post, a
 * withheld report, a malformed address) gets one and the same 404.
 */
export type PublicPageInput = {
  request: Request;
  context: AppLoadContext;
  site: string | undefined;
  /** The page within the site, for the cache key (e.g. "news/night-visit"). */
  path: string;
  /** Builds the page for the site's home data and the chosen language; null: not there (404). */
  build: (home: PublicSiteHome, language: Locale, url: URL) => Promise<Omit<CachedPage, "etag" | "language"> | null>;
};

const CACHE_CONTROL = "public, max-age=0, must-revalidate";

function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

function respond(request: Request, page: CachedPage): Response {
  const headers = new Headers({ "Cache-Control": CACHE_CONTROL, ETag: page.etag, Vary: "Accept-Language" });
  if (page.language) headers.set("Content-Language", page.language);
  const ifNoneMatch = request.headers.get("If-None-Match");
  if (page.status === 200 && ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === page.etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", page.contentType);
  if (page.disposition) headers.set("Content-Disposition", page.disposition);
  const body = typeof page.body === "string" ? page.body : new Uint8Array(page.body);
  return new Response(request.method === "HEAD" ? null : body, { status: page.status, headers });
}

function notFound(request: Request): Response {
  const page = notFoundPage();
  return new Response(request.method === "HEAD" ? null : page, {
    status: 404,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function publicPage({ request, context, site, path, build }: PublicPageInput): Promise<Response> {
  if (!site || !slugSchema.safeParse(site).success || site !== site.toLowerCase()) return notFound(request);
  const url = new URL(request.url);
  const requested = url.searchParams.get("lang");
  const acceptLanguage = request.headers.get("Accept-Language");
  const key = `${site}/${path}|${requested ?? ""}|${acceptedLocales(acceptLanguage).join(",")}`;
  const cached = cachedPublicPage(key);
  if (cached) return respond(request, cached);

  const retryAt = await reservePublicRead(context.ipAddress);
  if (retryAt) {
    const seconds = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 1000));
    return new Response("Too many requests", { status: 429, headers: { "Retry-After": String(seconds), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const home = await publicSiteHome(site);
  if (!home) return notFound(request);
  const language = siteLanguage(home.languages, requested, acceptLanguage);
  const built = await build(home, language, url);
  if (!built) return notFound(request);
  const page: CachedPage = { ...built, etag: etagOf(built.body), language };
  cachePublicPage(site, key, page);
  return respond(request, page);
}
