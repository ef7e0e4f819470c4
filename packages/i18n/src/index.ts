export { chooseLocale, fromAcceptLanguage } from "./detect.ts";
export { formatDate, formatDateTime, formatNumber } from "./format.ts";
export { DEFAULT_LOCALE, INTL_LOCALE, isLocale, LOCALE_NAMES, LOCALES, localeNames, type Locale } from "./locales.ts";
export { i18nextOptions, resources, translator } from "./translator.ts";
export { serbianCyrillicToLatin } from "./serbian-script.ts";
