import { i18nextOptions, type Locale } from "@vigil/i18n";
import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";

/** One i18next instance per rendered locale; all four locales' resources are bundled (they are small). */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({ ...i18nextOptions, lng: locale, initAsync: false });
  return instance;
}
