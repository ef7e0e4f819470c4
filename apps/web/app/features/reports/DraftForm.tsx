import { LOCALE_NAMES, LOCALES } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { fieldError, useBusy } from "../../lib/form";
import type { ReportActionResult } from "./visit-report.server";
import { Button } from "../../ui/Button";
import { TextArea } from "../../ui/TextArea";
import { FormError } from "../../ui/FormMessage";
import { SelectField } from "../../ui/SelectField";

type Props = {
  report: { summary: string; language: string; updatedAt: Date | string } | null;
  defaultLanguage: string;
  result?: ReportActionResult;
  /** The report's language, where it is not the interface's: the summary is written in it. */
  contentLang?: string;
};

/**
 * The report's summary and language. The draft's `updatedAt` travels with the form: if someone
 * saved in between, the save is refused (and what was typed stays in the browser's history).
 */
export function DraftForm({ report, defaultLanguage, result, contentLang }: Props) {
  const { t } = useTranslation();
  const busy = useBusy("saveDraft");
  const mine = result?.intent === "saveDraft" ? result : undefined;
  return (
    <Form method="post" className="space-y-4">
      <input type="hidden" name="intent" value="saveDraft" />
      <input type="hidden" name="expectedUpdatedAt" value={report ? new Date(report.updatedAt).toISOString() : ""} />
      <FormError message={mine && !mine.ok ? mine.message : undefined} />
      {report ? null : <p className="text-sm text-slate-700">{t("report.draftStarted")}</p>}
      <SelectField
        id="report-language"
        name="language"
        label={t("report.language")}
        hint={t("report.languageHint")}
        defaultValue={report?.language ?? defaultLanguage}
        options={LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
        error={fieldError(mine, "language")}
      />
      <TextArea id="report-summary" name="summary" label={t("report.summary")} hint={t("report.summaryHint")} defaultValue={report?.summary ?? ""} lang={contentLang} rows={8} maxLength={50000} error={fieldError(mine, "summary")} />
      <Button busy={busy} busyLabel={t("report.saveBusy")}>{t("report.saveDraft")}</Button>
    </Form>
  );
}
