/**
 * The public site's rendered pages, kept in this process for a short while (docs/decisions/0203):
 * a visitor's page is the same for every visitor (no cookie, no account), so it is built once per
 * site, path and language and then served from memory. Publishing or unpublishing anything on a site
 * forgets that site's pages at once, and again a moment later, so that a page rebuilt while the change
 * was still committing does not linger. Other server processes forget them within the time to live.
 */
export type CachedPage = { status: number; contentType: string; body: string | Uint8Array; etag: string; language: string | null; disposition?: string };

const TIME_TO_LIVE_MS = 60_000;
const MAX_PAGES = 2000;
const SECOND_FORGET_MS = 1500;

type Entry = { page: CachedPage; site: string; storedAt: number };
const pages = new Map<string, Entry>();

export function cachedPublicPage(key: string, now = Date.now()): CachedPage | undefined {
  const entry = pages.get(key);
  if (!entry) return undefined;
  if (now - entry.storedAt > TIME_TO_LIVE_MS) {
    pages.delete(key);
    return undefined;
  }
  return entry.page;
}

export function cachePublicPage(site: string, key: string, page: CachedPage, now = Date.now()): void {
  pages.delete(key);
  pages.set(key, { page, site, storedAt: now });
  // A Map iterates in insertion order: the first key is the oldest.
  while (pages.size > MAX_PAGES) {
    const oldest = pages.keys().next().value;
    if (oldest === undefined) break;
    pages.delete(oldest);
  }
}

function forgetNow(site: string): void {
  for (const [key, entry] of pages) if (entry.site === site) pages.delete(key);
}

/** Forgets every page of one site (its workspace slug): after any change to what it publishes. */
export function forgetPublicSite(site: string): void {
  forgetNow(site);
  setTimeout(() => forgetNow(site), SECOND_FORGET_MS).unref();
}
