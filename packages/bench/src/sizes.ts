import { gzipSync } from "node:zlib";

/**
 * The JavaScript files a page's HTML makes the browser load before it runs: `<link rel=
 * "modulepreload">`, `<script src>`, and the static imports of its inline module scripts (React
 * Router's manifest and route modules). Read from the served HTML rather than the manifest, so the
 * figure follows whatever the build and the root route decide to preload (decision 0175).
 */
export function preloadedScripts(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\brel=["']?modulepreload\b/i.test(tag)) continue;
    const href = /\bhref=["']([^"']+)["']/i.exec(tag)?.[1];
    if (href) found.add(href);
  }
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc=["']([^"']+)["']/i.exec(attributes ?? "")?.[1];
    if (src) found.add(src);
    if (!/\btype=["']?module\b/i.test(attributes ?? "")) continue;
    for (const [, specifier] of (body ?? "").matchAll(/\bimport\s*(?:[\w*{}\s,]+\s*from\s*)?["']([^"']+\.m?js)["']/g)) found.add(specifier!);
  }
  return [...found].filter((url) => url.endsWith(".js") || url.endsWith(".mjs")).sort();
}

/** A file's size as sent with gzip (zlib's default level, as compression middleware and CDNs use). */
export const gzippedSize = (content: Uint8Array | string): number => gzipSync(content).length;

/** The total of the named files' sizes, and the largest of them: what to look at first. */
export function sumSizes(sizes: { file: string; bytes: number }[]): { total: number; largest: { file: string; bytes: number } | null } {
  let largest: { file: string; bytes: number } | null = null;
  for (const size of sizes) if (!largest || size.bytes > largest.bytes) largest = size;
  return { total: sizes.reduce((sum, s) => sum + s.bytes, 0), largest };
}

/**
 * The language chunk the entry fetches before it hydrates (decision 0179): not preloaded by the
 * HTML, but part of the first load all the same. Found among the dynamic imports of the preloaded
 * files as the chunk named after the page's `<html lang>` (`en-GB` → `en-<hash>.js`, `sr-Latn` →
 * `sr-Latn-<hash>.js`); null when there is none (a build that ships its strings in the bundle).
 */
export function languageChunk(html: string, preloaded: { file: string; code: string }[]): string | null {
  const lang = /<html\b[^>]*\blang=["']([^"']+)["']/i.exec(html)?.[1]?.toLowerCase();
  if (!lang) return null;
  let best: { url: string; base: string } | null = null;
  for (const { file, code } of preloaded) {
    for (const [, specifier] of code.matchAll(/\bimport\(\s*[`"']([^`"'$]+\.js)[`"']\s*\)/g)) {
      const url = new URL(specifier!, `http://x${file}`).pathname;
      const base = /^(.+)-[A-Za-z0-9_-]{8}\.js$/.exec(url.slice(url.lastIndexOf("/") + 1))?.[1]?.toLowerCase();
      if (!base || !(lang === base || lang.startsWith(`${base}-`))) continue;
      if (!best || base.length > best.base.length) best = { url, base };
    }
  }
  return best?.url ?? null;
}
