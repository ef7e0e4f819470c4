import type { LocalizedQuestion } from "@vigil/api";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { fieldName, isAnswered, parseDraft, type AnswerDraft } from "./checklist-values";
import { useAnswerAutosave, type SavedAnswer } from "./use-answer-autosave";
import { INPUT_CLASS } from "../../ui/TextField";
import { FOCUS_RING } from "../../ui/Button";
import { AnswerControl } from "./AnswerControl";
import { AnswerHistory, type HistoryEntry } from "./AnswerHistory";
import { AnswerStatus } from "./AnswerStatus";
import { ConflictPanel } from "./ConflictPanel";

export type QuestionFieldProps = {
  tenantSlug: string;
  visitId: string;
  question: LocalizedQuestion;
  number: string;
  initial: SavedAnswer;
  /** What this person typed in a form post that was not saved (no JavaScript), to show it again. */
  unsavedDraft?: AnswerDraft;
  serverMessage?: string;
  canEdit: boolean;
  history: HistoryEntry[] | null;
  historyHref: string;
  registerFlush: (questionId: string, flush: () => Promise<void>) => () => void;
  onAnsweredChange: (questionId: string, answered: boolean) => void;
  contentLang?: string;
  /** Attaches a photo that documents this question, on the visit's evidence page. */
  photoHref?: string;
};

/** One question: its text, the standard it tests, guidance, the answer control, a note, save status and history. */
export function QuestionField(props: QuestionFieldProps) {
  const { question, canEdit, registerFlush, onAnsweredChange } = props;
  const { t } = useTranslation();
  const answer = useAnswerAutosave({ tenantSlug: props.tenantSlug, visitId: props.visitId, question, initial: props.initial, initialDraft: props.unsavedDraft });
  const legendId = `question-${question.id}`;
  const parsed = parseDraft(question.kind, answer.draft);
  const answered = parsed.ok && isAnswered(parsed.value);

  useEffect(() => registerFlush(question.id, answer.flush), [answer.flush, question.id, registerFlush]);
  useEffect(() => onAnsweredChange(question.id, answered), [answered, onAnsweredChange, question.id]);

  const change = (next: AnswerDraft) => (canEdit ? answer.change(next) : undefined);
  return (
    <fieldset id={`q-${question.id}`} className="space-y-3 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0">
      <legend id={legendId} className="float-left w-full text-base font-medium text-slate-900">
        <span className="mr-1 text-slate-500">{props.number}</span>
        <span lang={props.contentLang}>{question.text}</span>
      </legend>
      {question.standard ? <p className="clear-left text-sm text-slate-600">{t("checklist.standard", { standard: question.standard })}</p> : null}
      {question.guidance ? (
        <details className="clear-left text-sm text-slate-700">
          <summary className="min-h-10 cursor-pointer py-2 font-medium text-teal-800">{t("checklist.guidance")}</summary>
          <p lang={props.contentLang} className="whitespace-pre-wrap">{question.guidance}</p>
        </details>
      ) : null}
      <div className="clear-left">
        <AnswerControl question={question} draft={answer.draft} disabled={!canEdit} labelledBy={legendId} contentLang={props.contentLang} onChange={(values) => change({ ...answer.draft, values })} />
      </div>
      <details open={answer.draft.note !== "" || undefined} className="text-sm">
        <summary className="min-h-10 cursor-pointer py-2 font-medium text-teal-800">{t("checklist.note")}</summary>
        <label htmlFor={`note-${question.id}`} className="sr-only">
          {t("checklist.noteFor", { question: question.text })}
        </label>
        <textarea
          id={`note-${question.id}`}
          name={fieldName.note(question.id)}
          rows={2}
          value={answer.draft.note}
          readOnly={!canEdit}
          onChange={(event) => change({ ...answer.draft, note: event.target.value })}
          className={`${INPUT_CLASS} border-slate-300`}
        />
      </details>
      {canEdit ? (
        <>
          <input type="hidden" name={fieldName.revision(question.id)} value={answer.saved.revision} />
          <input type="hidden" name={fieldName.original(question.id)} value={JSON.stringify({ value: answer.saved.value ?? null, note: answer.saved.note ?? null })} />
        </>
      ) : null}
      <AnswerStatus status={props.serverMessage && answer.status === "idle" ? "error" : answer.status} error={answer.error ?? props.serverMessage ?? null} questionId={question.id} />
      {answer.conflict ? (
        <ConflictPanel question={question} theirs={answer.conflict} mine={answer.draft} onKeepMine={answer.keepMine} onTakeTheirs={answer.takeTheirs} />
      ) : null}
      <AnswerHistory tenantSlug={props.tenantSlug} visitId={props.visitId} question={question} initial={props.history} historyHref={props.historyHref} />
      {canEdit && props.photoHref ? (
        <a href={props.photoHref} aria-label={t("checklist.attachPhotoFor", { number: props.number })} className={`inline-flex min-h-10 items-center text-sm text-teal-800 underline ${FOCUS_RING}`}>
          {t("checklist.attachPhoto")}
        </a>
      ) : null}
    </fieldset>
  );
}
