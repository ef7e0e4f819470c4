import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { documentLocale, loadLocale } from "./lib/i18n";

// React Router's default browser entry, except that the page's language is fetched first (the
// bundle carries no strings): the first render then shows the server's text, with no flash of keys
// and no hydration mismatch. Should the language fail to download, the page stays as the server
// rendered it, which works without JavaScript (forms post, links navigate).
void loadLocale(documentLocale(document.documentElement.lang)).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  });
});
