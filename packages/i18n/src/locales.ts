export const LOCALES = ["en", "sr-Cyrl", "sr-Latn", "uk"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language named in itself, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  "sr-Cyrl": "Српски (ћирилица)",
  "sr-Latn": "Srpski (latinica)",
  uk: "Українська",
};

/** The BCP 47 tag for Intl and for `<html lang>`. */
export const INTL_LOCALE: Record<Locale, string> = {
  en: "en-GB",
  "sr-Cyrl": "sr-Cyrl-RS",
  "sr-Latn": "sr-Latn-RS",
  uk: "uk-UA",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Language codes as stored on a template or publication, each named in itself; an unknown code shown as it is. */
export function localeNames(codes: readonly string[]): string {
  return codes.map((code) => (isLocale(code) ? LOCALE_NAMES[code] : code)).join(", ");
}
