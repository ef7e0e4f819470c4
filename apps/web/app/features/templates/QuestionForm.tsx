import type { Question } from "@vigil/api/templates";
import { QUESTION_KINDS } from "@vigil/api/templates";
import { LOCALE_NAMES, type Locale } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { useBusy } from "../../lib/form";
import { Button, buttonClass } from "../../ui/Button";
import { SelectField } from "../../ui/SelectField";
import { INPUT_CLASS, TextField } from "../../ui/TextField";
import { LocalizedFields } from "./LocalizedFields";

/** Adds a question to a section, or edits one: kind, text, guidance and choices per language, standard. */
export function QuestionForm({ sectionId, question, languages, updatedAt }: { sectionId: string; question?: Question; languages: readonly Locale[]; updatedAt: string }) {
  const { t } = useTranslation();
  const busy = useBusy("saveQuestion");
  const prefix = question ? `q-${question.id}` : `new-${sectionId}`;
  return (
    <Form method="post" className="space-y-3 rounded-md border border-teal-200 bg-teal-50/40 p-3">
      <input type="hidden" name="intent" value="saveQuestion" />
      <input type="hidden" name="sectionId" value={sectionId} />
      <input type="hidden" name="updatedAt" value={updatedAt} />
      {question ? <input type="hidden" name="questionId" value={question.id} /> : null}
      <SelectField id={`${prefix}-kind`} name="kind" label={t("templates.kind")} defaultValue={question?.kind ?? "yes_no_na"} options={QUESTION_KINDS.map((kind) => ({ value: kind, label: t(`questionKinds.${kind}`) }))} />
      <LocalizedFields idPrefix={prefix} field="text" labelKey="templates.questionText" languages={languages} values={question?.text} required />
      <LocalizedFields idPrefix={prefix} field="guidance" labelKey="templates.guidance" languages={languages} values={question?.guidance} />
      <TextField id={`${prefix}-standard`} name="standard" label={t("templates.standard")} hint={t("templates.standardHint")} maxLength={300} defaultValue={question?.standard ?? ""} />
      <p className="text-sm text-slate-600">{t("templates.optionsHint")}</p>
      {languages.map((language) => (
        <div key={language} className="space-y-1">
          <label htmlFor={`${prefix}-options-${language}`} className="block text-sm font-medium text-slate-800">
            {t("templates.options", { language: LOCALE_NAMES[language] })}
          </label>
          <textarea
            id={`${prefix}-options-${language}`}
            name={`options:${language}`}
            rows={3}
            lang={language}
            defaultValue={(question?.options ?? []).map((o) => o.label[language] ?? "").join("\n")}
            className={`${INPUT_CLASS} border-slate-300`}
          />
        </div>
      ))}
      <div className="flex gap-2">
        <Button busy={busy} busyLabel={t("common.saving")}>{t("templates.saveQuestion")}</Button>
        <Link to="." className={buttonClass("ghost")}>{t("templates.cancel")}</Link>
      </div>
    </Form>
  );
}
