import type { Locale } from "@vigil/i18n";
import { afterCommit } from "../core/after-commit.ts";

/**
 * The public site's rendered pages, kept in this process for a short while (docs/decisions/0203):
 * a visitor's page is the same for every visitor (no cookie, no account), so it is built once per
 * site, path and language and then served from memory. Publishing or unpublishing anything on a site
 * forgets that site's pages at once, and again a moment later, so that a page rebuilt while the change
 * was still committing does not linger. Other server processes forget them within the time to live.
 *
 * A page is keyed by the language chosen among the site's own (never the raw `?lang=`), and the
 * cache holds at most so many pages and so many bytes (docs/decisions/0255): a stranger cannot grow
 * it with made-up query strings, and large pages cannot fill the process's memory.
 */
export type CachedPage = {
  status: number; contentType: string; body: string | Uint8Array; etag: string; language: string | null; disposition?: string;
  /**
   * The page shows other sites' publications (a partner's joint visits, docs/decisions/0257): any
   * site's change forgets it too, so that a host's unpublishing takes the mention off at once.
   */
  showsOtherSites?: boolean;
};

const TIME_TO_LIVE_MS = 60_000;
const MAX_PAGES = 2000;
const MAX_BYTES = 32 * 1024 * 1024;
const SECOND_FORGET_MS = 1500;

type Entry = { page: CachedPage; site: string; storedAt: number; bytes: number };
const pages = new Map<string, Entry>();
let storedBytes = 0;

/** Each site's languages, as its last built page read them: choosing a page's language needs them before the cache is asked. */
const siteLanguages = new Map<string, { languages: readonly Locale[]; storedAt: number }>();

/** The key of a site's page in one of its languages. */
export function publicPageKey(site: string, path: string, language: Locale): string {
  return `${site}/${path}|${language}`;
}

const sizeOf = (page: CachedPage) => (typeof page.body === "string" ? Buffer.byteLength(page.body) : page.body.byteLength) + page.contentType.length + 64;

function remove(key: string): void {
  const entry = pages.get(key);
  if (!entry) return;
  pages.delete(key);
  storedBytes -= entry.bytes;
}

export function cachedPublicPage(key: string, now = Date.now()): CachedPage | undefined {
  const entry = pages.get(key);
  if (!entry) return undefined;
  if (now - entry.storedAt > TIME_TO_LIVE_MS) {
    remove(key);
    return undefined;
  }
  return entry.page;
}

export function cachePublicPage(site: string, key: string, page: CachedPage, now = Date.now()): void {
  remove(key);
  const bytes = sizeOf(page);
  // A page larger than a quarter of the budget would push out most others: it is served, not kept.
  if (bytes > MAX_BYTES / 4) return;
  pages.set(key, { page, site, storedAt: now, bytes });
  storedBytes += bytes;
  // A Map iterates in insertion order: the first key is the oldest.
  while (pages.size > MAX_PAGES || storedBytes > MAX_BYTES) {
    const oldest = pages.keys().next().value;
    if (oldest === undefined) break;
    remove(oldest);
  }
}

/** The site's languages if a page of it was built within the time to live; undefined otherwise. */
export function knownSiteLanguages(site: string, now = Date.now()): readonly Locale[] | undefined {
  const known = siteLanguages.get(site);
  if (!known) return undefined;
  if (now - known.storedAt > TIME_TO_LIVE_MS) {
    siteLanguages.delete(site);
    return undefined;
  }
  return known.languages;
}

export function rememberSiteLanguages(site: string, languages: readonly Locale[], now = Date.now()): void {
  // Only sites that exist and are on get here (their home was read): the map grows with real sites only.
  siteLanguages.set(site, { languages, storedAt: now });
}

/** What the cache holds now, for tests and the bench. */
export function publicPageCacheSize(): { pages: number; bytes: number } {
  return { pages: pages.size, bytes: storedBytes };
}

function forgetNow(site: string): void {
  siteLanguages.delete(site);
  for (const [key, entry] of pages) if (entry.site === site || entry.page.showsOtherSites) remove(key);
}

/** Forgets every page of one site (its workspace slug), and the pages that show other sites' publications: after any change to what it publishes. */
export function forgetPublicSite(site: string): void {
  forgetNow(site);
  setTimeout(() => forgetNow(site), SECOND_FORGET_MS).unref();
}

/**
 * Forgets the site's pages once the transaction `tx` has committed (and again a moment later, as
 * forgetPublicSite does): forgetting before the commit let a page rebuilt from the old rows in
 * between stay cached for the whole time to live.
 */
export function forgetPublicSiteOnCommit(tx: object, site: string): void {
  afterCommit(tx, async () => forgetPublicSite(site));
}
