import { INTL_LOCALE, type Locale, LOCALES } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { TextField } from "../../ui/TextField";

/** The form field of one locale's name: read by nameTranslationsFrom, and so keyed by the API's error paths. */
export const nameTranslationField = (locale: Locale) => `nameTranslations.${locale}` as const;

/**
 * A place's or authority's name in the other interface languages (issue 16, section 5), all optional.
 * Plain inputs, so the form works without JavaScript; each declares its language for screen readers
 * and spell checkers.
 */
export function NameTranslationsFieldset({ idPrefix, values, error }: { idPrefix: string; values?: unknown; error: (field: string) => string | undefined }) {
  const { t } = useTranslation();
  const current = values && typeof values === "object" ? (values as Record<string, unknown>) : {};
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-900">{t("places.nameTranslationsLegend")}</legend>
      <p className="text-sm text-slate-600">{t("places.nameTranslationsHint")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        {LOCALES.map((locale) => (
          <TextField
            key={locale}
            id={`${idPrefix}-name-${locale}`}
            name={nameTranslationField(locale)}
            label={t(`places.nameIn.${locale}`)}
            lang={INTL_LOCALE[locale]}
            maxLength={300}
            defaultValue={typeof current[locale] === "string" ? current[locale] : ""}
            error={error(nameTranslationField(locale)) ?? (locale === LOCALES[0] ? error("nameTranslations") : undefined)}
          />
        ))}
      </div>
    </fieldset>
  );
}
