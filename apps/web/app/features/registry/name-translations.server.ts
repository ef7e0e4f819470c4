import { type Locale, LOCALES } from "@vigil/i18n";
import { nameTranslationField } from "./NameTranslationsFieldset";

type Posted = FormData | Readonly<Record<string, string | undefined>>;

/** The posted names in other languages, as the registry procedures take them (they trim, drop the empty ones and check). */
export function nameTranslationsFrom(posted: Posted): Partial<Record<Locale, string>> {
  const read = (name: string) => (posted instanceof FormData ? posted.get(name) : posted[name]);
  return Object.fromEntries(LOCALES.map((locale) => [locale, read(nameTranslationField(locale))]).filter((entry): entry is [Locale, string] => typeof entry[1] === "string"));
}
