import type { LocalizedQuestion } from "@vigil/api";
import { formatDate, formatNumber, type Locale } from "@vigil/i18n";
import type { TFunction } from "i18next";

/** An answer as words, for the conflict panel and the history ("Yes", "Paper, Electronic", "12 Jun 2014"). */
export function formatAnswer(question: LocalizedQuestion, value: unknown, t: TFunction, locale: Locale): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return t("checklist.noAnswer");
  const label = (id: string) => question.options.find((o) => o.id === id)?.label ?? id;
  switch (question.kind) {
    case "yes_no_na":
      return t(`checklist.yesNoNa.${String(value)}`);
    case "single_choice":
      return label(String(value));
    case "multiple_choice":
      return (value as string[]).map(label).join(", ");
    case "number":
      return typeof value === "number" ? formatNumber(locale, value) : String(value);
    case "date":
      return formatDate(locale, String(value));
    default:
      return String(value);
  }
}
