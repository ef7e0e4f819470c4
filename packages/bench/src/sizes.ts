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
