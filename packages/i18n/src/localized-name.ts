import type { Locale } from "./locales.ts";

/** A place or authority as read from the API: its primary name and, perhaps, the name in other languages. */
export type NamedInLanguages = { name: string; nameTranslations?: unknown };

/**
 * The name a reader sees (issue 16, section 5): the translation into the reader's interface language
 * when there is one, else the primary name. The other Serbian script is deliberately not derived: a
 * transliterated official name can be wrong (foreign names, abbreviations), so the primary name is
 * the honest fallback. The translations come from a JSON column, hence the checks.
 */
export function localizedName(entity: NamedInLanguages, locale: Locale): string {
  const translations = entity.nameTranslations;
  if (translations && typeof translations === "object" && !Array.isArray(translations)) {
    const translated = (translations as Record<string, unknown>)[locale];
    if (typeof translated === "string" && translated.trim()) return translated;
  }
  return entity.name;
}
