import { formatDate } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { useLocale } from "../../lib/locale";
import { useBusy, type ActionResult } from "../../lib/form";
import { Button } from "../../ui/Button";
import { displayableDay } from "./dates";
import { InterviewForm, type InterviewValues } from "./InterviewForm";

export type InterviewSummary = InterviewValues & { hasNotes: boolean; followUpCheckedAt: Date | string | null };
type Props = { interview: InterviewSummary; editable: boolean; suggestion: string; result?: ActionResult & { notes?: string } };

/** One interview: what was recorded, its follow-up, and the audited way to read its notes. */
export function InterviewCard({ interview, editable, suggestion, result }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const target = { name: "interviewId", value: interview.id };
  const readingNotes = useBusy("readNotes", target);
  const checking = useBusy("checkFollowUp", target);
  const shownNotes = result?.ok && result.intent === "readNotes" && result.targetId === interview.id ? result.notes : undefined;
  const headingId = `interview-${interview.id}-heading`;
  return (
    <article aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id={headingId} className="text-lg font-semibold text-slate-900">
        {interview.pseudonym} <span className="ml-2 text-sm font-normal text-slate-600">{t(`intervieweeCategories.${interview.category}`)}</span>
      </h3>
      <ul className="space-y-1 text-sm text-slate-700">
        <li>{interview.consentGiven ? t("interviews.consentGiven") : t("interviews.consentMissing")}</li>
        <li>{interview.allegations.length ? interview.allegations.map((code) => t(`allegations.${code}`)).join(", ") : t("interviews.noAllegations")}</li>
        {interview.reprisalRisk && interview.followUpDue ? (
          <li className="font-medium text-amber-800">
            {interview.followUpCheckedAt ? t("interviews.followUpChecked") : t("interviews.followUpDueOn", { date: formatDate(locale, displayableDay(interview.followUpDue)) })}
          </li>
        ) : null}
        <li>{interview.hasNotes ? t("interviews.hasNotes") : t("interviews.noNotes")}</li>
      </ul>
      <div className="flex flex-wrap gap-2">
        {interview.hasNotes ? (
          <Form method="post">
            <input type="hidden" name="intent" value="readNotes" />
            <input type="hidden" name="interviewId" value={interview.id} />
            <Button variant="secondary" busy={readingNotes} busyLabel={t("interviews.showNotesBusy")}>
              {t("interviews.showNotes")}
            </Button>
          </Form>
        ) : null}
        {interview.reprisalRisk && !interview.followUpCheckedAt ? (
          <Form method="post">
            <input type="hidden" name="intent" value="checkFollowUp" />
            <input type="hidden" name="interviewId" value={interview.id} />
            <Button variant="secondary" busy={checking} busyLabel={t("interviews.checkFollowUpBusy")}>
              {t("interviews.checkFollowUp")}
            </Button>
          </Form>
        ) : null}
      </div>
      {shownNotes !== undefined ? (
        <section aria-label={t("interviews.notesShown")} className="rounded-md border border-amber-200 bg-amber-50 p-3">
          <p className="mb-1 text-sm font-medium text-amber-900">{t("interviews.notesShown")}</p>
          <p className="whitespace-pre-wrap text-sm text-slate-900">{shownNotes || t("interviews.notesEmpty")}</p>
        </section>
      ) : null}
      {editable ? (
        <details open={result?.intent === "update" && result.targetId === interview.id && !result.ok}>
          <summary className="cursor-pointer text-sm font-medium text-teal-800">{t("interviews.editTitle", { pseudonym: interview.pseudonym })}</summary>
          <div className="mt-3">
            <InterviewForm suggestion={suggestion} interview={interview} result={result} />
          </div>
        </details>
      ) : null}
    </article>
  );
}
