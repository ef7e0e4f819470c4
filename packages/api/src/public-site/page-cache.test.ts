import { describe, expect, it } from "vitest";
import { cachedPublicPage, cachePublicPage, forgetPublicSite, publicPageCacheSize, publicPageKey } from "./page-cache.ts";

const page = (bytes: number) => ({ status: 200, contentType: "text/html", body: new Uint8Array(bytes), etag: '"x"', language: "en" });
const MIB = 1024 * 1024;

describe("the public page cache", () => {
  it("keeps to a byte budget: large pages push out the oldest, not the process's memory", () => {
    const site = "byte-budget";
    for (let i = 0; i < 60; i += 1) cachePublicPage(site, publicPageKey(site, `page-${i}`, "en"), page(MIB));
    const size = publicPageCacheSize();
    expect(size.bytes).toBeLessThanOrEqual(32 * MIB);
    expect(size.pages).toBeLessThan(60);
    // The newest pages are the ones kept.
    expect(cachedPublicPage(publicPageKey(site, "page-59", "en"))).toBeDefined();
    expect(cachedPublicPage(publicPageKey(site, "page-0", "en"))).toBeUndefined();
    forgetPublicSite(site);
    expect(publicPageCacheSize()).toEqual({ pages: 0, bytes: 0 });
  });

  it("serves a page too large to keep without keeping it", () => {
    const site = "too-large";
    cachePublicPage(site, publicPageKey(site, "huge", "en"), page(20 * MIB));
    expect(cachedPublicPage(publicPageKey(site, "huge", "en"))).toBeUndefined();
    expect(publicPageCacheSize().bytes).toBe(0);
  });

  it("counts a replaced page once", () => {
    const site = "replaced";
    const key = publicPageKey(site, "", "en");
    cachePublicPage(site, key, page(1000));
    cachePublicPage(site, key, page(1000));
    expect(publicPageCacheSize().pages).toBe(1);
    expect(publicPageCacheSize().bytes).toBeLessThan(2000);
    forgetPublicSite(site);
  });

  it("forgets the pages that show other sites' publications with any site's change", () => {
    cachePublicPage("partner", publicPageKey("partner", "", "en"), { ...page(10), showsOtherSites: true });
    cachePublicPage("partner", publicPageKey("partner", "news", "en"), page(10));
    forgetPublicSite("host");
    expect(cachedPublicPage(publicPageKey("partner", "", "en"))).toBeUndefined();
    expect(cachedPublicPage(publicPageKey("partner", "news", "en"))).toBeDefined();
    forgetPublicSite("partner");
  });
});
