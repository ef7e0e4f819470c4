import { DEFAULT_LOCALE, type Locale } from "@vigil/i18n";
import { useRouteLoaderData } from "react-router";
import type { loader as rootLoader } from "../root";
import { loadedI18n } from "./i18n";

type RootData = Awaited<ReturnType<typeof rootLoader>>;

/** The active interface locale, as chosen by the root loader. */
export function useLocale(): Locale {
  const data = useRouteLoaderData<RootData>("root");
  return data?.locale ?? DEFAULT_LOCALE;
}

/** The signed-in user from the root loader, or null. */
export function useUser(): RootData["user"] {
  return useRouteLoaderData<RootData>("root")?.user ?? null;
}

type MetaMatch = { id: string; loaderData?: unknown } | undefined;

/**
 * A translated `<title>` for a route's `meta` export: "Page — Vigil", or with the thing the page is
 * about, "Recommendation 3 — Police Department Kruševac, 12 Jun 2014 — Vigil" (`subject` gets the
 * locale, for dates), so that tabs, history and screen readers name the thing, not the kind of page.
 */
export function pageTitle(
  matches: readonly MetaMatch[],
  key: string,
  params: Record<string, string> | ((locale: Locale) => Record<string, string>) = {},
  subject?: (locale: Locale) => string | undefined,
) {
  const root = matches.find((match) => match?.id === "root")?.loaderData as RootData | undefined;
  // Meta runs in the browser too, which holds only the loaded languages: the root layout waits
  // for the active one before it renders <Meta />, so the instance is there.
  const locale = root?.locale ?? DEFAULT_LOCALE;
  const i18n = loadedI18n(locale);
  if (!i18n) return [{ title: "Vigil" }];
  const t = i18n.t;
  // Params may depend on the reader's language (a place's name in it, decision 0198).
  const values = typeof params === "function" ? params(locale) : params;
  return [{ title: [t(key, values), subject?.(locale), t("app.name")].filter(Boolean).join(" — ") }];
}
