import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales.ts";

/**
 * The interface language: the signed-in user's preference, then the language cookie, then the
 * browser's Accept-Language, then English.
 */
export function chooseLocale(sources: { userPreference?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(sources.userPreference)) return sources.userPreference;
  if (isLocale(sources.cookie)) return sources.cookie;
  return fromAcceptLanguage(sources.acceptLanguage ?? null) ?? DEFAULT_LOCALE;
}

/** Maps an Accept-Language header onto our four locales, honouring q-values. */
export function fromAcceptLanguage(header: string | null): Locale | null {
  return acceptedLocales(header)[0] ?? null;
}

/** Every one of our locales an Accept-Language header accepts, most wanted first (a public site picks among its own). */
export function acceptedLocales(header: string | null): Locale[] {
  if (!header) return [];
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((range) => range.tag && range.q > 0 && !Number.isNaN(range.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const locales: Locale[] = [];
  for (const { tag } of ranges) {
    const locale = matchTag(tag);
    if (locale && !locales.includes(locale)) locales.push(locale);
  }
  return locales;
}

function matchTag(tag: string): Locale | null {
  const [language, ...rest] = tag.split("-");
  if (language === "en") return "en";
  if (language === "uk") return "uk";
  if (language === "sr") return rest.includes("latn") ? "sr-Latn" : "sr-Cyrl";
  // Serbo-Croatian, Croatian, Bosnian and Montenegrin readers read Latin script.
  if (language === "sh" || language === "hr" || language === "bs" || language === "cnr") return "sr-Latn";
  return null;
}
