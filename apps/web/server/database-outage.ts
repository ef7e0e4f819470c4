import { DATABASE_RETRY_AFTER_SECONDS, LOCALE_COOKIE } from "@vigil/api";
import { readCookie } from "@vigil/auth";
import { chooseLocale, translator } from "@vigil/i18n";

/** Per request: set when a loader or action failed because the database could not be reached. */
export type RequestFaults = { databaseUnavailable: boolean };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer to a page or data request that hit an unreachable database: 503, when to retry, and a
 * short page in the visitor's language (no user is known: the session lookup needs the database).
 * It replaces React Router's error page, whose "500" and hydration data would say the wrong thing.
 */
export function databaseUnavailableResponse(request: Request): Response {
  const locale = chooseLocale({
    cookie: readCookie(request.headers.get("cookie"), LOCALE_COOKIE),
    acceptLanguage: request.headers.get("accept-language"),
  });
  const message = escapeHtml(translator(locale)("errors.serviceUnavailable"));
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>503</title></head><body><main><h1>503</h1><p>${message}</p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(DATABASE_RETRY_AFTER_SECONDS), "cache-control": "no-store" },
  });
}
