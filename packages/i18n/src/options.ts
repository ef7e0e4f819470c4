import { DEFAULT_LOCALE, LOCALES } from "./locales.ts";

/** The i18next options shared by the server and the browser; each side adds its resources. */
export const i18nextBaseOptions = {
  supportedLngs: [...LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  // "sr-Cyrl" must not be folded to "sr": the two scripts are separate locales.
  load: "currentOnly",
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;
