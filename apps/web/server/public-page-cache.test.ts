import type { AddressInfo } from "node:net";
import { cachePublicPage, forgetPublicSite, publicPageKey, rememberSiteLanguages } from "@vigil/api/public-site";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CACHED_PUBLIC_ROUTE, cachedPublicPages } from "./public-page-cache.ts";
import { notedRoutePattern } from "./route-pattern.ts";

/**
 * The early path answers a cached public page exactly as the routes would (same headers, 304 on its
 * ETag, the language chosen among the site's), and passes everything else on to them.
 */
let base: string;
let close: () => void;
const SITE = "early-path-site";
/** The route label each answered request carried, as the metrics read it. */
const labels: (string | undefined)[] = [];
const page = (language: string, body: string) => ({ status: 200, contentType: "text/html; charset=utf-8", body, etag: `"${language}-etag"`, language });

beforeAll(async () => {
  rememberSiteLanguages(SITE, ["uk", "en"]);
  cachePublicPage(SITE, publicPageKey(SITE, "", "uk"), page("uk", "<p>Головна</p>"));
  cachePublicPage(SITE, publicPageKey(SITE, "", "en"), page("en", "<p>Home</p>"));
  cachePublicPage(SITE, publicPageKey(SITE, "news", "en"), page("en", "<p>News</p>"));
  const app = express()
    .use((_req, res, next) => {
      res.on("finish", () => labels.push(notedRoutePattern(res)));
      next();
    })
    .use(cachedPublicPages).use((_req, res) => res.status(418).send("routes"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => {
  forgetPublicSite(SITE);
  close();
});

describe("the public pages' early path", () => {
  it("serves a cached page in the language the request chooses among the site's", async () => {
    const home = await fetch(`${base}/p/${SITE}`);
    expect(home.status).toBe(200);
    expect(await home.text()).toBe("<p>Головна</p>");
    expect(home.headers.get("content-language")).toBe("uk");
    expect(home.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(home.headers.get("vary")).toBe("Accept-Language");
    expect(home.headers.get("set-cookie")).toBeNull();
    expect(await (await fetch(`${base}/p/${SITE}?lang=en`)).text()).toBe("<p>Home</p>");
    expect(await (await fetch(`${base}/p/${SITE}/news`, { headers: { "Accept-Language": "en-GB,en;q=0.9" } })).text()).toBe("<p>News</p>");
    // A made-up language reads as the site's first, from the same entry.
    expect(await (await fetch(`${base}/p/${SITE}?lang=xx`)).text()).toBe("<p>Головна</p>");
  });

  it("answers 304 to the page's ETag and no body to HEAD", async () => {
    expect((await fetch(`${base}/p/${SITE}?lang=en`, { headers: { "If-None-Match": '"en-etag"' } })).status).toBe(304);
    const head = await fetch(`${base}/p/${SITE}?lang=en`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("labels a page it answers for the metrics by one fixed route, and leaves what it passes on unlabelled", async () => {
    labels.length = 0;
    await (await fetch(`${base}/p/${SITE}?lang=en`)).text();
    await (await fetch(`${base}/p/unknown-site`)).text();
    expect(labels).toEqual([CACHED_PUBLIC_ROUTE, undefined]);
  });

  it("passes on what it does not hold: other pages, other sites, other methods, other paths", async () => {
    for (const [path, method] of [[`/p/${SITE}/news?lang=uk`, "GET"], [`/p/${SITE}/reports`, "GET"], ["/p/unknown-site", "GET"], [`/p/${SITE.toUpperCase()}`, "GET"], [`/p/${SITE}`, "POST"], ["/t/some-workspace", "GET"]] as const) {
      expect((await fetch(`${base}${path}`, { method })).status).toBe(418);
    }
  });
});
