import { LOCALE_NAMES, LOCALES } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form, useLocation } from "react-router";
import { useLocale } from "../lib/locale";
import { Button } from "../ui/Button";
import { INPUT_CLASS } from "../ui/TextField";

/** Posts to /locale, which sets the cookie (and the profile preference) and comes back here. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  return (
    <Form method="post" action="/locale" className="flex items-center gap-2">
      <input type="hidden" name="returnTo" value={location.pathname + location.search} />
      <label htmlFor="language-switcher" className="sr-only">
        {t("language.label")}
      </label>
      <select id="language-switcher" name="locale" defaultValue={locale} key={locale} className={`${INPUT_CLASS} min-h-11 min-w-0 flex-1 border-slate-300 py-1 text-sm`}>
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
      <Button variant="secondary" className="min-h-11 shrink-0 px-3 py-1">
        {t("language.apply")}
      </Button>
    </Form>
  );
}
