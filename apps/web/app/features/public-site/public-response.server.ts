import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { slugSchema } from "@vigil/api";
import {
  cachedPageFor, cachePublicPage, publicPageAnswer, PUBLIC_CACHE_CONTROL, publicPageKey, publicSiteHome, rememberSiteLanguages, reservePublicRead, revalidated, siteLanguage,
  type CachedPage, type PublicSiteHome,
} from "@vigil/api/public-site";
import type { Locale } from "@vigil/i18n";
import type { AppLoadContext } from "react-router";
import { notFoundPage } from "./not-found-page.server";
import { siteOrigin } from "./site-layout";

/**
 * Every visitor's response of the public site goes through here (issue 17, docs/decisions/0203):
 * no session is read and no cookie set; the page is built once per site, path and language and
 * served from memory after; it carries an ETag, so a browser revalidates it (304) on every visit and
 * an unpublished page is gone at once; a page that must be built counts against the address's limit.
 * Anything that is not there (an unknown site, a site that is off, a draft or scheduled post, a
 * withheld report, a malformed address) gets one and the same 404.
 *
 * The cache key names the language chosen among the site's own, never what the request asked for,
 * and pages link to the configured origin, never the request's Host (docs/decisions/0255): nothing a
 * stranger sends can add entries to the cache or end up in the copy served to others.
 */
export type PublicPageInput = {
  request: Request;
  context: AppLoadContext;
  site: string | undefined;
  /** The page within the site, for the cache key (e.g. "news/night-visit"). */
  path: string;
  /** Builds the page for the site's home data, the chosen language and the origin links name; null: not there (404). */
  build: (home: PublicSiteHome, language: Locale, origin: string) => Promise<Omit<CachedPage, "etag" | "language"> | null>;
};

function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

function respond(request: Request, page: CachedPage): Response {
  const answer = publicPageAnswer(page, request.method, request.headers.get("If-None-Match"));
  const body = answer.body === null || typeof answer.body === "string" ? answer.body : new Uint8Array(answer.body);
  return new Response(body, { status: answer.status, headers: answer.headers });
}

function notFound(request: Request): Response {
  const page = notFoundPage();
  return new Response(request.method === "HEAD" ? null : page, {
    status: 404,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

const validSite = (site: string | undefined): site is string => !!site && slugSchema.safeParse(site).success && site === site.toLowerCase();

/** The address's read allowance is spent: 429 with when to come back; undefined when it may read. */
async function refusedRead(context: AppLoadContext): Promise<Response | undefined> {
  const retryAt = await reservePublicRead(context.ipAddress);
  if (!retryAt) return undefined;
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 1000));
  return new Response("Too many requests", { status: 429, headers: { "Retry-After": String(seconds), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function publicPage({ request, context, site, path, build }: PublicPageInput): Promise<Response> {
  if (!validSite(site)) return notFound(request);
  const requested = new URL(request.url).searchParams.get("lang");
  const acceptLanguage = request.headers.get("Accept-Language");
  const cached = cachedPageFor(site, path, requested, acceptLanguage);
  if (cached) return respond(request, cached);

  const refused = await refusedRead(context);
  if (refused) return refused;
  const home = await publicSiteHome(site);
  if (!home) return notFound(request);
  rememberSiteLanguages(site, home.languages);
  const language = siteLanguage(home.languages, requested, acceptLanguage);
  const built = await build(home, language, siteOrigin());
  if (!built) return notFound(request);
  const page: CachedPage = { ...built, etag: etagOf(built.body), language };
  cachePublicPage(site, publicPageKey(site, path, language), page);
  return respond(request, page);
}

/** A file of the public site (a post's image, a report's PDF): found, then opened only when the browser's copy is stale. */
export type PublicFile = {
  contentType: string;
  /** What the file's bytes depend on (a storage key, a document): its ETag, known before the file is opened. */
  version: string;
  disposition?: string;
  open: () => Promise<Readable | Uint8Array<ArrayBuffer>>;
};

export type PublicFileInput = {
  request: Request;
  context: AppLoadContext;
  site: string | undefined;
  find: (home: PublicSiteHome) => Promise<PublicFile | null>;
};

/**
 * Files are streamed, not kept in the page cache (docs/decisions/0255): an image or PDF would take
 * the cache's memory from many pages, and a browser or proxy keeps them well with the ETag. Each
 * request reads the database, so it counts against the address's limit, and an unpublished post or
 * report answers 404 at once.
 */
export async function publicFile({ request, context, site, find }: PublicFileInput): Promise<Response> {
  if (!validSite(site)) return notFound(request);
  const refused = await refusedRead(context);
  if (refused) return refused;
  const home = await publicSiteHome(site);
  const file = home ? await find(home) : null;
  if (!file) return notFound(request);
  const etag = etagOf(file.version);
  const headers = new Headers({ "Cache-Control": PUBLIC_CACHE_CONTROL, ETag: etag });
  if (revalidated(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", file.contentType);
  headers.set("X-Content-Type-Options", "nosniff");
  if (file.disposition) headers.set("Content-Disposition", file.disposition);
  if (request.method === "HEAD") return new Response(null, { headers });
  const content = await file.open();
  const body = content instanceof Uint8Array ? content : (Readable.toWeb(content) as ReadableStream<Uint8Array>);
  return new Response(body, { headers });
}
