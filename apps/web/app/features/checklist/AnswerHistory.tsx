import type { LocalizedQuestion } from "@vigil/api";
import { formatDateTime } from "@vigil/i18n";
import { useState, useSyncExternalStore, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { authorLabel } from "../../ui/attribution";
import { useLocale } from "../../lib/locale";
import { useChecklistEndpoints } from "./checklist-endpoints";
import { FOCUS_RING } from "../../ui/Button";
import { formatAnswer } from "./format-answer";
import { withNames } from "../../lib/bdi";

export type HistoryEntry = { revision: number; value: unknown; note: string | null; changedAt: string | Date; changedBy: { id: string; name: string } | null; authorWorkspace?: { name: string } | null };

type Props = {
  tenantSlug: string;
  visitId: string;
  question: LocalizedQuestion;
  initial: HistoryEntry[] | null;
  historyHref: string;
  /** Hidden words naming the question, so that forty "History" buttons differ to a screen reader. */
  forQuestion: ReactNode;
};

const subscribe = () => () => {};

/**
 * Every saved state of one answer, newest first. Without JavaScript a link reloads the page with
 * the history open (the loader reads it); once hydrated it is a button that fetches it in place
 * (a control that does not navigate is a button, not a link).
 */
export function AnswerHistory({ tenantSlug, visitId, question, initial, historyHref, forQuestion }: Props) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const { t } = useTranslation();
  const locale = useLocale();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(initial);
  const [failed, setFailed] = useState(false);
  const endpoints = useChecklistEndpoints();

  async function load() {
    if (entries) return setEntries(null);
    try {
      setEntries(await endpoints.history({ tenantSlug, visitId, questionId: question.id }));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }

  return (
    <div className="text-sm">
      {hydrated ? (
        <button type="button" onClick={() => void load()} aria-expanded={entries !== null} className={`inline-flex min-h-11 cursor-pointer items-center text-teal-800 underline ${FOCUS_RING}`}>
          {entries ? t("checklist.history.hide") : t("checklist.history.show")}
          {forQuestion}
        </button>
      ) : (
        <a href={historyHref} className={`inline-flex min-h-11 items-center text-teal-800 underline ${FOCUS_RING}`}>
          {entries ? t("checklist.history.hide") : t("checklist.history.show")}
          {forQuestion}
        </a>
      )}
      {failed ? <p className="text-red-700">{t("errors.generic")}</p> : null}
      {entries ? (
        entries.length === 0 ? (
          <p className="text-slate-600">{t("checklist.history.empty")}</p>
        ) : (
          <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3">
            {entries.map((entry) => (
              <li key={entry.revision}>
                <p className="text-slate-600">
                  {withNames(t).t("checklist.history.entry", { name: entry.changedBy ? authorLabel(t, entry.changedBy.name, entry.authorWorkspace) : t("checklist.someoneElse"), time: formatDateTime(locale, entry.changedAt) })}
                </p>
                <p className="whitespace-pre-wrap text-slate-900">{formatAnswer(question, entry.value, t, locale)}</p>
                {entry.note ? <p className="whitespace-pre-wrap text-slate-700">{t("checklist.notePrefix", { note: entry.note })}</p> : null}
              </li>
            ))}
          </ol>
        )
      ) : null}
    </div>
  );
}
