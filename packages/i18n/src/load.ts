import type { Locale } from "./locales.ts";

/** A locale's translation: the union of its files (core, places, visits, ...). */
export type Translation = Record<string, unknown>;

export function mergeFiles(files: Record<string, object>): Translation {
  return Object.assign({}, ...Object.values(files)) as Translation;
}

// One dynamic import per language, so that a bundler makes one chunk of each and the browser
// fetches only the active language's (the server and tests use locales/index.ts, all four at once).
const LANGUAGE_MODULES: Record<Locale, () => Promise<{ default: Record<string, object> }>> = {
  en: () => import("../locales/en.ts"),
  "sr-Cyrl": () => import("../locales/sr-Cyrl.ts"),
  "sr-Latn": () => import("../locales/sr-Latn.ts"),
  uk: () => import("../locales/uk.ts"),
};

/** Imports one language's strings and nothing of the other languages. */
export async function loadTranslation(locale: Locale): Promise<Translation> {
  return mergeFiles((await LANGUAGE_MODULES[locale]()).default);
}
