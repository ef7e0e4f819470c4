import { Readable } from "node:stream";
import { publicPageCacheSize } from "@vigil/api/public-site";
import { callerFor, createTestUser, createTestWorkspace } from "@vigil/api/testing";
import type { AppLoadContext } from "react-router";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as feedLoader } from "./site-feed";
import { loader as homeLoader } from "./site-home";
import { loader as imageLoader } from "./site-post-image";
import { loader as sitemapLoader } from "./site-sitemap";

/**
 * The visitor's responses as the server gives them (break-it findings on issue 17): what a stranger
 * sends (a forged Host, made-up `?lang=` values) never reaches the cached copy others get, a post's
 * entity-encoded markup stays text in the feed, and images are streamed outside the page cache.
 */
const APP_URL = "https://vigil.example.org";
const context = { ipAddress: null, requestId: "public-response-test", cspNonce: undefined } as unknown as AppLoadContext;
type Loader = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => Promise<Response>;
const call = (loader: unknown, url: string, params: Record<string, string>, headers: Record<string, string> = {}) =>
  (loader as Loader)({ request: new Request(url, { headers }), context, params });

let previousAppUrl: string | undefined;
let site: Awaited<ReturnType<typeof openSite>>;

async function openSite() {
  const owner = await createTestUser("Site Coordinator");
  const workspace = await createTestWorkspace(owner);
  const { caller } = await callerFor(owner);
  const tenantSlug = workspace.slug;
  await caller.publicSite.saveSettings({ tenantSlug, enabled: true, languages: ["en", "uk"], mandate: { en: "The NPM." } });
  const post = await caller.publicSite.savePost({
    tenantSlug, slug: "entities",
    translations: [{ language: "en", title: "<img src=x onerror=alert(0)>", body: "&lt;script&gt;alert(1)&lt;/script&gt; and &amp;lt;b&amp;gt; text" }],
  });
  const photo = await sharp({ create: { width: 8, height: 4, channels: 3, background: "#8a8a8a" } }).jpeg().toBuffer();
  await caller.publicSite.setPostImage({ tenantSlug, postId: post.id, fileName: "cell.jpg", content: Readable.from([photo]), alt: { en: "A cell" } });
  await caller.publicSite.publishPost({ tenantSlug, postId: post.id });
  return { caller, tenantSlug, postId: post.id };
}

beforeAll(async () => {
  previousAppUrl = process.env.APP_URL;
  process.env.APP_URL = APP_URL;
  site = await openSite();
  // Publishing forgets the site's pages again 1.5 s later (page-cache.ts): let that pass first, so
  // it does not empty the cache in the middle of a test that counts its pages.
  await new Promise((resolve) => setTimeout(resolve, 1600));
});
afterAll(() => {
  if (previousAppUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = previousAppUrl;
});

describe("the public site's responses", () => {
  it.each([
    ["home", homeLoader, ""],
    ["feed", feedLoader, "/feed.xml"],
    ["sitemap", sitemapLoader, "/sitemap.xml"],
  ])("%s: a forged Host names nothing in the page, nor in the cached copy the next visitor gets", async (_name, loader, path) => {
    const params = { site: site.tenantSlug };
    const forged = await call(loader, `http://evil.example/p/${site.tenantSlug}${path}`, params, { Host: "evil.example" });
    expect(forged.status).toBe(200);
    const forgedBody = await forged.text();
    expect(forgedBody).not.toContain("evil.example");
    expect(forgedBody).toContain(`${APP_URL}/p/${site.tenantSlug}`);
    const normal = await call(loader, `http://localhost:3000/p/${site.tenantSlug}${path}`, params);
    expect(normal.headers.get("ETag")).toBe(forged.headers.get("ETag"));
    const normalBody = await normal.text();
    expect(normalBody).not.toContain("evil.example");
    expect(normalBody).toBe(forgedBody);
  });

  it("keys the cache on the chosen language: made-up ?lang= values add no pages", async () => {
    const url = `http://localhost:3000/p/${site.tenantSlug}`;
    await call(homeLoader, url, { site: site.tenantSlug });
    const before = publicPageCacheSize().pages;
    for (let i = 0; i < 40; i += 1) {
      const response = await call(homeLoader, `${url}?lang=a${i}`, { site: site.tenantSlug }, { "Accept-Language": `x-${i}` });
      expect(response.headers.get("Content-Language")).toBe("en");
    }
    expect(publicPageCacheSize().pages).toBe(before);
    const ukrainian = await call(homeLoader, `${url}?lang=uk`, { site: site.tenantSlug });
    expect(ukrainian.headers.get("Content-Language")).toBe("uk");
    expect(await ukrainian.text()).toContain('<html lang="uk"');
    expect(publicPageCacheSize().pages).toBe(before + 1);
  });

  it("keeps a post's entity-encoded markup as text in the feed's HTML summary and title", async () => {
    const feed = await (await call(feedLoader, `http://localhost:3000/p/${site.tenantSlug}/feed.xml?lang=en`, { site: site.tenantSlug })).text();
    const summary = /<summary type="html"><!\[CDATA\[(.*?)\]\]><\/summary>/s.exec(feed)?.[1];
    expect(summary).toBe("&lt;script&gt;alert(1)&lt;/script&gt; and &amp;lt;b&amp;gt; text");
    const title = /<entry>\s*<title type="html"><!\[CDATA\[(.*?)\]\]><\/title>/s.exec(feed)?.[1];
    expect(title).toBe("&lt;img src=x onerror=alert(0)&gt;");
  });

  it("streams a post's image outside the page cache, with an ETag, and stops at once when the post is unpublished", async () => {
    const url = `http://localhost:3000/p/${site.tenantSlug}/news/entities/image`;
    const params = { site: site.tenantSlug, post: "entities" };
    const before = publicPageCacheSize();
    const image = await call(imageLoader, url, params);
    expect(image.status).toBe(200);
    expect(image.headers.get("Content-Type")).toBe("image/jpeg");
    expect(image.headers.get("Cache-Control")).toBe("public, max-age=0, must-revalidate");
    const etag = image.headers.get("ETag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).width).toBe(8);
    expect(publicPageCacheSize()).toEqual(before);
    expect((await call(imageLoader, url, params, { "If-None-Match": etag! })).status).toBe(304);

    await site.caller.publicSite.unpublishPost({ tenantSlug: site.tenantSlug, postId: site.postId });
    expect((await call(imageLoader, url, params, { "If-None-Match": etag! })).status).toBe(404);
    await site.caller.publicSite.publishPost({ tenantSlug: site.tenantSlug, postId: site.postId });
  });
});
