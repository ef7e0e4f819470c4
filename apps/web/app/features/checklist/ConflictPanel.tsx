import type { LocalizedQuestion } from "@vigil/api";
import { formatDateTime } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { parseDraft, type AnswerDraft } from "./checklist-values";
import { useLocale } from "../../lib/locale";
import type { SavedAnswer } from "./use-answer-autosave";
import { Button } from "../../ui/Button";
import { formatAnswer } from "./format-answer";

type Props = { question: LocalizedQuestion; theirs: SavedAnswer; mine: AnswerDraft; onKeepMine: () => void; onTakeTheirs: () => void };

/** Someone saved this answer while I was editing it: both versions side by side, and a choice. */
export function ConflictPanel({ question, theirs, mine, onKeepMine, onTakeTheirs }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const parsed = parseDraft(question.kind, mine);
  const myValue = parsed.ok ? parsed.value : mine.values[0];
  const myNote = parsed.ok ? parsed.note : mine.note;
  return (
    <div role="alert" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-900">
      <p className="font-medium">
        {t("checklistErrors.staleAnswer", { name: theirs.updatedBy?.name ?? t("checklist.someoneElse") })}
      </p>
      <dl className="grid gap-2 sm:grid-cols-2">
        <div>
          <dt className="font-medium">
            {t("checklist.conflict.theirs", { name: theirs.updatedBy?.name ?? t("checklist.someoneElse"), time: theirs.updatedAt ? formatDateTime(locale, theirs.updatedAt) : "" })}
          </dt>
          <dd className="whitespace-pre-wrap">{formatAnswer(question, theirs.value, t, locale)}</dd>
          {theirs.note ? <dd className="whitespace-pre-wrap text-slate-700">{t("checklist.notePrefix", { note: theirs.note })}</dd> : null}
        </div>
        <div>
          <dt className="font-medium">{t("checklist.conflict.mine")}</dt>
          <dd className="whitespace-pre-wrap">{formatAnswer(question, myValue, t, locale)}</dd>
          {myNote ? <dd className="whitespace-pre-wrap text-slate-700">{t("checklist.notePrefix", { note: myNote })}</dd> : null}
        </div>
      </dl>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="button" className="min-h-12" onClick={onKeepMine}>
          {t("checklist.conflict.keepMine")}
        </Button>
        <Button type="button" variant="secondary" className="min-h-12" onClick={onTakeTheirs}>
          {t("checklist.conflict.takeTheirs")}
        </Button>
      </div>
    </div>
  );
}
