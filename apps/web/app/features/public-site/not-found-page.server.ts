import { LOCALES, translator } from "@vigil/i18n";

let page: string | undefined;

/**
 * The one 404 of the public site, in every language at once: it must not depend on the site, so it
 * cannot tell an unknown site from one that is off, or a draft from a post that never existed.
 */
export function notFoundPage(): string {
  page ??= [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex"><title>404</title><link rel="stylesheet" href="/public-site.css"></head>',
    '<body><main class="site-main"><h1>404</h1>',
    ...LOCALES.map((locale) => `<p lang="${locale}">${translator(locale)("visitorSite.notFound")}</p>`),
    "</main></body></html>",
  ].join("");
  return page;
}
