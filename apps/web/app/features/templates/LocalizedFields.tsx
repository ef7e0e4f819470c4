import { LOCALE_NAMES, type Locale } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { INPUT_CLASS } from "../../ui/TextField";

/** One text box per template language (a question's text, its guidance, a section's title). */
export function LocalizedFields({ idPrefix, field, labelKey, languages, values, rows = 2, required = false }: {
  idPrefix: string; field: string; labelKey: string; languages: readonly Locale[]; values?: Partial<Record<string, string>>; rows?: number; required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {languages.map((language) => {
        const id = `${idPrefix}-${field}-${language}`;
        return (
          <div key={language} className="space-y-1">
            <label htmlFor={id} className="block text-sm font-medium text-slate-800">
              {t(labelKey, { language: LOCALE_NAMES[language] })}
            </label>
            <textarea id={id} name={`${field}:${language}`} rows={rows} required={required} lang={language} defaultValue={values?.[language] ?? ""} className={`${INPUT_CLASS} border-slate-300`} />
          </div>
        );
      })}
    </>
  );
}
