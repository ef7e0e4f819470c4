import type { Section } from "@vigil/api/templates";
import type { Locale } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form, Link, useSearchParams } from "react-router";
import { useBusy } from "../../lib/form";
import { Button, buttonClass } from "../../ui/Button";
import { LocalizedFields } from "./LocalizedFields";
import { QuestionForm } from "./QuestionForm";
import { SmallForm } from "./SmallForm";

// Symbols, not words: their accessible names come from each button's translated label.
const UP = "\u2191";
const DOWN = "\u2193";
const REMOVE = "\u2715";

/** Text in the reader's language if the template has it, otherwise in the template's first language. */
export function pick(text: Partial<Record<string, string>> | undefined, locale: Locale, languages: readonly string[]): string {
  if (!text) return "";
  return text[locale] ?? text[languages[0] ?? "en"] ?? Object.values(text)[0] ?? "";
}

type Props = { section: Section; number: number; languages: readonly Locale[]; locale: Locale; editable: boolean; updatedAt: string };

export function SectionTitleForm({ section, languages, updatedAt }: { section?: Section; languages: readonly Locale[]; updatedAt: string }) {
  const { t } = useTranslation();
  const busy = useBusy("saveSection");
  return (
    <Form method="post" className="space-y-3 rounded-md border border-teal-200 bg-teal-50/40 p-3">
      <input type="hidden" name="intent" value="saveSection" />
      <input type="hidden" name="updatedAt" value={updatedAt} />
      {section ? <input type="hidden" name="sectionId" value={section.id} /> : null}
      <LocalizedFields idPrefix={section ? `s-${section.id}` : "new-section"} field="title" labelKey="templates.sectionTitle" languages={languages} values={section?.title} rows={1} required />
      <div className="flex gap-2">
        <Button busy={busy} busyLabel={t("common.saving")}>{t("templates.saveSection")}</Button>
        <Link to="." className={buttonClass("ghost")}>{t("templates.cancel")}</Link>
      </div>
    </Form>
  );
}

/** One section of a version: its questions, and for a draft the editor's controls. */
export function SectionView({ section, number, languages, locale, editable, updatedAt }: Props) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const editing = searchParams.get("edit");
  const title = pick(section.title, locale, languages);
  const common = { updatedAt };
  return (
    <section aria-labelledby={`section-${section.id}`} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={`section-${section.id}`} className="text-lg font-semibold text-slate-900">{t("templates.sectionHeading", { number, title })}</h2>
        {editable ? (
          <div className="flex flex-wrap gap-1">
            <Link to={`?edit=section:${section.id}`} className={buttonClass("ghost")} aria-label={t("templates.editSection", { title })}>{t("places.edit")}</Link>
            <SmallForm fields={{ intent: "moveSection", sectionId: section.id, direction: "up", ...common }} label={t("templates.moveUp", { item: title })}>{UP}</SmallForm>
            <SmallForm fields={{ intent: "moveSection", sectionId: section.id, direction: "down", ...common }} label={t("templates.moveDown", { item: title })}>{DOWN}</SmallForm>
            <SmallForm fields={{ intent: "removeSection", sectionId: section.id, ...common }} label={t("templates.removeSection", { title })}>{REMOVE}</SmallForm>
          </div>
        ) : null}
      </div>
      {editable && editing === `section:${section.id}` ? <SectionTitleForm section={section} languages={languages} updatedAt={updatedAt} /> : null}
      {section.questions.length === 0 ? <p className="mt-2 text-slate-600">{t("templates.noQuestions")}</p> : null}
      <ol className="mt-3 space-y-3">
        {section.questions.map((question, index) => {
          const label = t("templates.questionNumber", { number: `${number}.${index + 1}` });
          return (
            <li key={question.id} className="rounded-md border border-slate-100 p-3">
              {editable && editing === `question:${question.id}` ? (
                <QuestionForm sectionId={section.id} question={question} languages={languages} updatedAt={updatedAt} />
              ) : (
                <div className="flex flex-col gap-2 sm:flex-row sm:justify-between">
                  <div className="space-y-1">
                    <p className="font-medium text-slate-900">{`${number}.${index + 1}`} {pick(question.text, locale, languages)}</p>
                    <p className="text-sm text-slate-600">{t(`questionKinds.${question.kind}`)}</p>
                    {question.options?.length ? <p className="text-sm text-slate-600">{t("templates.choices", { choices: question.options.map((o) => pick(o.label, locale, languages)).join(", ") })}</p> : null}
                    {question.guidance ? <p className="text-sm text-slate-700">{t("templates.guidanceLabel")} {pick(question.guidance, locale, languages)}</p> : null}
                    {question.standard ? <p className="text-sm text-slate-700">{t("templates.standardLabel")} {question.standard}</p> : null}
                  </div>
                  {editable ? (
                    <div className="flex flex-wrap gap-1 self-start">
                      <Link to={`?edit=question:${question.id}`} className={buttonClass("ghost")} aria-label={t("templates.editQuestion", { number: `${number}.${index + 1}` })}>{t("places.edit")}</Link>
                      <SmallForm fields={{ intent: "moveQuestion", questionId: question.id, direction: "up", ...common }} label={t("templates.moveUp", { item: label })}>{UP}</SmallForm>
                      <SmallForm fields={{ intent: "moveQuestion", questionId: question.id, direction: "down", ...common }} label={t("templates.moveDown", { item: label })}>{DOWN}</SmallForm>
                      <SmallForm fields={{ intent: "removeQuestion", questionId: question.id, ...common }} label={t("templates.removeQuestion", { number: `${number}.${index + 1}` })}>{REMOVE}</SmallForm>
                    </div>
                  ) : null}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {editable ? (
        editing === `newQuestion:${section.id}` ? (
          <div className="mt-3"><QuestionForm sectionId={section.id} languages={languages} updatedAt={updatedAt} /></div>
        ) : (
          <Link to={`?edit=newQuestion:${section.id}`} className={`mt-3 ${buttonClass("secondary")}`}>{t("templates.addQuestion", { title })}</Link>
        )
      ) : null}
    </section>
  );
}
