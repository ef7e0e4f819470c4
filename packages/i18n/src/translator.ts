import i18next, { type i18n, type TFunction } from "i18next";
import { LOCALE_FILES } from "../locales/index.ts";
import { mergeFiles, type Translation } from "./load.ts";
import { LOCALES, type Locale } from "./locales.ts";
import { i18nextBaseOptions } from "./options.ts";

// All four languages at once: for Node only (server rendering, e-mails, errors). The browser loads
// one language through loadTranslation; package.json's "sideEffects": false lets the bundler drop
// this module from the client when nothing there uses it.
export const resources = Object.fromEntries(LOCALES.map((locale) => [locale, { translation: mergeFiles(LOCALE_FILES[locale]) }])) as Record<
  Locale,
  { translation: Translation }
>;

let serverInstance: i18n | undefined;

function instance(): i18n {
  if (!serverInstance) {
    serverInstance = i18next.createInstance();
    void serverInstance.init({ ...i18nextBaseOptions, resources, initAsync: false });
  }
  return serverInstance;
}

/** A translate function fixed to one locale, for server code (errors, e-mails). */
export function translator(locale: Locale): TFunction {
  return instance().getFixedT(locale);
}
