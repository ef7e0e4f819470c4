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
  const status = props.serverMessage && answer.status === "idle" ? "error" : answer.status;
  // Refused for its value ("enter a number"): marked invalid and tied to the message that says why.
  const invalid = status === "error" && (!parsed.ok || Boolean(props.serverMessage && answer.status === "idle"));
  const statusId = `status-${question.id}`;
  const guidanceId = question.guidance ? `guidance-${question.id}` : undefined;
  const forQuestion = <span className="sr-only"> {t("a11y.ofQuestion", { number: props.number })}</span>;
  return (
    <fieldset id={`q-${question.id}`} className="space-y-3 border-t border-slate-200 pt-4 first:border-t-0 first:pt-0">
      <legend id={legendId} className="float-left w-full text-base font-medium text-slate-900">
        {/* The space keeps "1.1" and the text apart for screen readers ("1.1Official capacity"). */}
        <span className="mr-1 text-slate-500">{props.number}</span>{" "}
        <span lang={props.contentLang}>{question.text}</span>
      </legend>
      {question.standard ? <p className="clear-left text-sm text-slate-600">{t("checklist.standard", { standard: question.standard })}</p> : null}
      {/* Guidance is read with the answer control (aria-describedby), not a Tab stop of its own. */}
      {question.guidance ? (
        <p id={guidanceId} className="clear-left whitespace-pre-wrap text-sm text-slate-700">
          <span className="font-medium text-slate-800">{t("checklist.guidance")}:</span>{" "}
          <span lang={props.contentLang}>{question.guidance}</span>
        </p>
      ) : null}
      <div className="clear-left">
        <AnswerControl question={question} draft={answer.draft} disabled={!canEdit} labelledBy={legendId} describedBy={[guidanceId, invalid ? statusId : undefined].filter(Boolean).join(" ") || undefined} errorId={invalid ? statusId : undefined} contentLang={props.contentLang} onChange={(values) => change({ ...answer.draft, values })} />
      </div>
      <details open={answer.draft.note !== "" || undefined} className="text-sm">
        <summary className="min-h-11 cursor-pointer py-2 font-medium text-teal-800">
          {t("checklist.note")}
          {forQuestion}
        </summary>
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
      <AnswerStatus status={status} error={answer.error ?? props.serverMessage ?? null} questionId={question.id} />
      {answer.conflict ? (
        <ConflictPanel question={question} theirs={answer.conflict} mine={answer.draft} onKeepMine={answer.keepMine} onTakeTheirs={answer.takeTheirs} />
      ) : null}
      <AnswerHistory tenantSlug={props.tenantSlug} visitId={props.visitId} question={question} initial={props.history} historyHref={props.historyHref} forQuestion={forQuestion} />
      {canEdit && props.photoHref ? (
        <a href={props.photoHref} aria-label={t("checklist.attachPhotoFor", { number: props.number })} className={`inline-flex min-h-11 items-center text-sm text-teal-800 underline ${FOCUS_RING}`}>
          {t("checklist.attachPhoto")}
        </a>
      ) : null}
    </fieldset>
  );
}
