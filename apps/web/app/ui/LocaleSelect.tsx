import { LOCALE_NAMES, LOCALES } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { SelectField } from "./SelectField";

/** The language of the interface and of e-mails, as a form field named `locale` (or `name`). */
export function LocaleSelect({ defaultValue, error, name = "locale" }: { defaultValue: string; error?: string; name?: string }) {
  const { t } = useTranslation();
  const options = LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }));
  return <SelectField name={name} label={t("fields.language")} options={options} defaultValue={defaultValue} error={error} />;
}
