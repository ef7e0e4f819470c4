import type { LocalizedSection } from "@vigil/api";
import { useCallback, useRef, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import type { AnswerDraft } from "./checklist-values";
import { useBusy } from "../../lib/form";
import type { SavedAnswer } from "./use-answer-autosave";
import { NEVER_ANSWERED } from "./use-answer-autosave";
import { Button } from "../../ui/Button";
import type { HistoryEntry } from "./AnswerHistory";
import { QuestionField } from "./QuestionField";
import { SectionProgress } from "./SectionProgress";

export type SectionOutcome = { unsaved: Record<string, { draft: AnswerDraft; message: string }>; savedCount: number };

type Props = {
  tenantSlug: string;
  visitId: string;
  section: LocalizedSection;
  number: number;
  answers: Record<string, SavedAnswer>;
  answered: Record<string, boolean>;
  canEdit: boolean;
  outcome: SectionOutcome | undefined;
  history: { questionId: string; entries: HistoryEntry[] } | null;
  onAnsweredChange: (questionId: string, answered: boolean) => void;
  /** The template's language when it differs from the interface's (a fallback), for `lang` attributes. */
  contentLang?: string;
  evidenceHref?: string;
};

/**
 * One section as one form. Without JavaScript "Save section" posts it (the action saves each changed
 * answer); with JavaScript answers autosave and the button only saves what is still waiting.
 */
export function ChecklistSection({ tenantSlug, visitId, section, number, answers, answered, canEdit, outcome, history, onAnsweredChange, contentLang, evidenceHref }: Props) {
  const { t } = useTranslation();
  const busy = useBusy("saveSection", { name: "sectionId", value: section.id });
  const flushes = useRef(new Map<string, () => Promise<void>>());
  const registerFlush = useCallback((questionId: string, flush: () => Promise<void>) => {
    flushes.current.set(questionId, flush);
    return () => void flushes.current.delete(questionId);
  }, []);
  const headingId = `section-${section.id}`;
  const answeredCount = section.questions.filter((q) => answered[q.id]).length;

  function saveNow(event: FormEvent) {
    event.preventDefault();
    for (const flush of flushes.current.values()) void flush();
  }

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {number}. <span lang={contentLang}>{section.title}</span>
      </h2>
      <SectionProgress answered={answeredCount} total={section.questions.length} />
      <Form method="post" onSubmit={canEdit ? saveNow : undefined} className="mt-4 space-y-6">
        <input type="hidden" name="intent" value="saveSection" />
        <input type="hidden" name="sectionId" value={section.id} />
        {section.questions.map((question, index) => (
          <QuestionField
            // A newer revision from the server (after a form post) starts the question afresh.
            key={`${question.id}:${answers[question.id]?.revision ?? 0}`}
            tenantSlug={tenantSlug}
            visitId={visitId}
            question={question}
            number={`${number}.${index + 1}`}
            initial={answers[question.id] ?? NEVER_ANSWERED}
            unsavedDraft={outcome?.unsaved[question.id]?.draft}
            serverMessage={outcome?.unsaved[question.id]?.message}
            canEdit={canEdit}
            history={history?.questionId === question.id ? history.entries : null}
            historyHref={`?history=${encodeURIComponent(question.id)}#q-${question.id}`}
            registerFlush={registerFlush}
            onAnsweredChange={onAnsweredChange}
            contentLang={contentLang}
            photoHref={evidenceHref ? `${evidenceHref}?question=${encodeURIComponent(question.id)}#question-photo-heading` : undefined}
          />
        ))}
        {canEdit ? (
          <div className="border-t border-slate-200 pt-4">
            <Button className="min-h-12 w-full sm:w-auto" busy={busy} busyLabel={t("checklist.status.saving")}>
              {t("checklist.saveSection")}
              {/* Fourteen "Save section" buttons: the section's number and title tell them apart. */}
              <span className="sr-only">
                {" "}
                {number}. <span lang={contentLang}>{section.title}</span>
              </span>
            </Button>
            {outcome && Object.keys(outcome.unsaved).length === 0 ? <p role="status" tabIndex={-1} data-feedback="success" className="mt-2 text-sm text-teal-800">{t("checklist.sectionSaved", { count: outcome.savedCount })}</p> : null}
          </div>
        ) : null}
      </Form>
    </section>
  );
}
