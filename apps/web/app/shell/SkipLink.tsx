import { useTranslation } from "react-i18next";

/** The first focusable element: jumps past the header to the page's main content. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-teal-900 focus:shadow-lg focus:outline-2 focus:outline-teal-700"
    >
      {t("nav.skipToContent")}
    </a>
  );
}
