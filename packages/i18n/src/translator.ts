import i18next, { type i18n, type TFunction } from "i18next";
import en from "../locales/en.json" with { type: "json" };
import srCyrl from "../locales/sr-Cyrl.json" with { type: "json" };
import srLatn from "../locales/sr-Latn.json" with { type: "json" };
import uk from "../locales/uk.json" with { type: "json" };
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales.ts";

export const resources = {
  en: { translation: en },
  "sr-Cyrl": { translation: srCyrl },
  "sr-Latn": { translation: srLatn },
  uk: { translation: uk },
} as const;

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
