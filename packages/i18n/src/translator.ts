import i18next, { type i18n, type TFunction } from "i18next";
import { LOCALE_FILES } from "../locales/index.ts";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales.ts";

/** A locale's translation: the union of its files (core, places, visits, ...). */
function merged(locale: Locale): Record<string, unknown> {
  return Object.assign({}, ...Object.values(LOCALE_FILES[locale])) as Record<string, unknown>;
}

export const resources = Object.fromEntries(LOCALES.map((locale) => [locale, { translation: merged(locale) }])) as Record<
  Locale,
  { translation: Record<string, unknown> }
>;

/** The i18next options shared by the server and the browser. */
export const i18nextOptions = {
  resources,
  supportedLngs: [...LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  // "sr-Cyrl" must not be folded to "sr": the two scripts are separate locales.
  load: "currentOnly",
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;

let serverInstance: i18n | undefined;

function instance(): i18n {
  if (!serverInstance) {
    serverInstance = i18next.createInstance();
    void serverInstance.init({ ...i18nextOptions, initAsync: false });
  }
  return serverInstance;
}

/** A translate function fixed to one locale, for server code (errors, e-mails). */
export function translator(locale: Locale): TFunction {
  return instance().getFixedT(locale);
}
