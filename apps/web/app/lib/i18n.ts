import { i18nextBaseOptions, INTL_LOCALE, isLocale, loadTranslation, LOCALES, resources, type Locale, type Translation } from "@vigil/i18n";
import i18next, { type i18n } from "i18next";
import { use } from "react";
import { initReactI18next } from "react-i18next";

// One i18next instance per locale, made once and shared: nothing changes an instance's language.
// The server has all four languages at hand; the browser holds only the languages it has loaded
// (the active one before hydration, another when the user switches), so that only the active
// language's strings are downloaded.
const instances = new Map<Locale, i18n>();
const loading = new Map<Locale, Promise<i18n>>();

function createInstance(locale: Locale, translation: Translation): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({ ...i18nextBaseOptions, resources: { [locale]: { translation } }, lng: locale, initAsync: false });
  instances.set(locale, instance);
  return instance;
}

/** Fetches a language's strings in the browser (once); resolves when its instance is ready. */
export function loadLocale(locale: Locale): Promise<i18n> {
  const ready = instances.get(locale);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(locale);
  if (!pending) {
    pending = loadTranslation(locale).then((translation) => createInstance(locale, translation));
    loading.set(locale, pending);
    // A failed download (network, a deploy that replaced the chunk) is not remembered: the next
    // render or navigation in that language tries again instead of failing until a reload.
    pending.catch(() => loading.delete(locale));
  }
  return pending;
}

/** The i18next instance of a locale, where it is loaded (always on the server). */
export function loadedI18n(locale: Locale): i18n | undefined {
  // import.meta.env.SSR is a build-time constant: the browser bundle keeps no reference to the
  // four languages' resources.
  if (import.meta.env.SSR && !instances.has(locale)) return createInstance(locale, resources[locale].translation);
  return instances.get(locale);
}

/**
 * The i18next instance of the active locale for rendering. After a language switch in the browser
 * the new language may still be downloading: the render suspends, and since React Router renders
 * navigations and revalidations in a transition, the page stays as it was until the strings arrive.
 */
export function useI18n(locale: Locale): i18n {
  return loadedI18n(locale) ?? use(loadLocale(locale));
}

/** The locale of a server-rendered page, read from `<html lang>` (root.tsx writes INTL_LOCALE there). */
export function documentLocale(lang: string): Locale {
  return LOCALES.find((locale) => INTL_LOCALE[locale] === lang) ?? (isLocale(lang) ? lang : "en");
}
