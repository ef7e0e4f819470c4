import { readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "@vigil/i18n";

type ManifestChunk = { file: string; src?: string; imports?: string[]; isDynamicEntry?: boolean };
type Manifest = Record<string, ManifestChunk>;

let byLocale: Partial<Record<Locale, string[]>> | undefined;

/**
 * The browser files of one language's strings (decision 0182): the chunk `loadTranslation` imports
 * and the chunks it imports, as `/assets/...` addresses. The root layout preloads them with the
 * page, so the browser fetches the strings alongside the entry instead of after it (the entry
 * hydrates only once the strings are there).
 *
 * Read once from the client build's Vite manifest, in the folder the production server serves
 * (`VIGIL_CLIENT_DIR`, set by server/main.ts). Without it (development, tests) there is nothing to
 * preload, and the entry's dynamic import fetches the strings as before.
 */
export function languageChunks(locale: Locale): string[] {
  byLocale ??= readLanguageChunks(process.env.VIGIL_CLIENT_DIR);
  return byLocale[locale] ?? [];
}

export function readLanguageChunks(clientDir: string | undefined): Partial<Record<Locale, string[]>> {
  if (!clientDir) return {};
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(clientDir, ".vite/manifest.json"), "utf8")) as Manifest;
  } catch {
    return {};
  }
  const found: Partial<Record<Locale, string[]>> = {};
  for (const [key, chunk] of Object.entries(manifest)) {
    const locale = /packages\/i18n\/locales\/([A-Za-z-]+)\.ts$/.exec(chunk.src ?? key)?.[1] as Locale | undefined;
    if (!locale || !chunk.isDynamicEntry) continue;
    found[locale] = [chunk.file, ...withImports(manifest, chunk.imports ?? [])].map((file) => `/${file}`);
  }
  return found;
}

/** The files of these manifest entries and of everything they import, each once. */
function withImports(manifest: Manifest, keys: string[], seen = new Set<string>()): string[] {
  const files: string[] = [];
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) continue;
    seen.add(key);
    files.push(chunk.file, ...withImports(manifest, chunk.imports ?? [], seen));
  }
  return files;
}
