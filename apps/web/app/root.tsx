import { INTL_LOCALE } from "@vigil/i18n";
import { useEffect } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "react-router";
import "./app.css";
import { serverApi } from "./lib/api.server";
import { languageChunks } from "./lib/language-chunks.server";
import { useI18n } from "./lib/i18n";
import { useTranslatedValidity } from "./lib/translated-validity";
import { RouteAnnouncer } from "./shell/RouteAnnouncer";
import { registerServiceWorker } from "./features/offline/service-worker";
import { VIGIL_THEME, workspaceThemeColor } from "./features/workspaces/workspace-theme";
import type { loader as workspaceLayoutLoader } from "./shell/workspace-layout";
import type { Route } from "./+types/root";

type WorkspaceLayoutData = typeof workspaceLayoutLoader;

/** The offline shell is kept in the browser's cache (decision 0210), so its page names nobody. */
const OFFLINE_SHELL = "/offline";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { ctx } = await serverApi(request, context);
  const shell = new URL(request.url).pathname === OFFLINE_SHELL;
  return {
    locale: ctx.locale,
    user: ctx.user && !shell ? { id: ctx.user.id, name: ctx.user.name, email: ctx.user.email, platformOperator: ctx.user.platformOperator } : null,
    /** The browser files of the page's language, preloaded with the page (decision 0182). */
    languageChunks: languageChunks(ctx.locale),
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const locale = rootData?.locale ?? "en";
  const workspace = useRouteLoaderData<WorkspaceLayoutData>("shell/workspace-layout")?.workspace;
  const i18n = useI18n(locale);
  return (
    <html lang={INTL_LOCALE[locale]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* Installable to a phone's home screen (issue 18): inside a workspace its own manifest and
            colours (decision 0262), fetched with the session cookie since only members get it. */}
        {workspace ? (
          <link rel="manifest" href={`/t/${encodeURIComponent(workspace.slug)}/manifest.webmanifest`} crossOrigin="use-credentials" />
        ) : (
          <link rel="manifest" href="/manifest.webmanifest" />
        )}
        <meta name="theme-color" content={workspace ? workspaceThemeColor(workspace.id) : VIGIL_THEME} />
        <link rel="apple-touch-icon" href="/icons/icon-192.png" />
        <Meta />
        {rootData?.languageChunks.map((href) => <link key={href} rel="modulepreload" href={href} />)}
        <Links />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  useTranslatedValidity();
  useEffect(registerServiceWorker, []);
  return (
    <>
      <Outlet />
      <RouteAnnouncer />
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = status === 404 ? t("errors.notFound") : status === 403 ? t("errors.forbidden") : status === 400 ? t("errors.badRequest") : t("errors.generic");
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="text-2xl font-semibold">{status}</h1>
      <p className="mt-2">{message}</p>
      <a className="mt-4 inline-block text-blue-700 underline" href="/">
        {t("nav.home")}
      </a>
    </main>
  );
}
