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

/** A translated `<title>` for a route's `meta` export: "Page — Vigil". */
export function pageTitle(matches: readonly MetaMatch[], key: string, params: Record<string, string> = {}) {
  const root = matches.find((match) => match?.id === "root")?.loaderData as RootData | undefined;
  // Meta runs in the browser too, which holds only the loaded languages: the root layout waits
  // for the active one before it renders <Meta />, so the instance is there.
  const i18n = loadedI18n(root?.locale ?? DEFAULT_LOCALE);
  if (!i18n) return [{ title: "Vigil" }];
  const t = i18n.t;
  return [{ title: `${t(key, params)} — ${t("app.name")}` }];
}
