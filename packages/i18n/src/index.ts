export { acceptedLocales, chooseLocale, fromAcceptLanguage } from "./detect.ts";
export { dateTimeFormat, formatDate, formatDateTime, formatNumber, numberFormat } from "./format.ts";
export { loadTranslation, type Translation } from "./load.ts";
export { DEFAULT_LOCALE, INTL_LOCALE, isLocale, LOCALE_NAMES, LOCALES, localeNames, type Locale } from "./locales.ts";
export { i18nextBaseOptions } from "./options.ts";
export { resources, translator } from "./translator.ts";
export { localizedName, type NamedInLanguages } from "./localized-name.ts";
export { serbianCyrillicToLatin } from "./serbian-script.ts";
