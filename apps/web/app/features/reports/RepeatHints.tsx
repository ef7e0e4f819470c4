import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { useLocale } from "../../lib/locale";
import { Button, FOCUS_RING } from "../../ui/Button";
import { formatDay } from "../visits/visit-days";

/** What reports.get gives each drafted recommendation (decision 0192). */
export type RepeatFields = {
  repeats: { id: string; number: number; visit: { id: string; plannedStart: Date | string } } | null;
  repeatHints: { id: string; number: number; text: string; status: string; visitId: string; visitStart: Date | string }[];
};

/**
 * Under a drafted recommendation (docs/decisions/0192): what it repeats, if marked, and the earlier
 * recommendations to the place that read like it, each with a one-click "it repeats this one".
 * Plain forms: it works without JavaScript.
 */
export function RepeatHints({ slug, recommendation, canEdit }: { slug: string; recommendation: RepeatFields & { id: string; number: number }; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { repeats, repeatHints } = recommendation;
  const earlierLabel = (number: number, start: Date | string) => t("report.similarItem", { number, date: formatDay(locale, start) });
  const hints = repeatHints.filter((hint) => hint.id !== repeats?.id);
  const headingId = `recommendation-${recommendation.id}-similar-heading`;
  return (
    <div className="space-y-2">
      {repeats ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
          <span className="font-medium text-slate-900">{t("recommendationRepeats.repeats")}</span>
          <Link to={`/t/${slug}/recommendations/${repeats.id}`} className={`text-teal-800 underline ${FOCUS_RING}`}>{earlierLabel(repeats.number, repeats.visit.plannedStart)}</Link>
          {canEdit ? (
            <Form method="post">
              <input type="hidden" name="intent" value="markRepeat" />
              <input type="hidden" name="recommendationId" value={recommendation.id} />
              <input type="hidden" name="repeatsRecommendationId" value="" />
              <Button variant="secondary">
                {t("recommendationRepeats.unmark")}
                <span className="sr-only"> {t("report.recommendationHeading", { number: recommendation.number })}</span>
              </Button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {canEdit && hints.length > 0 ? (
        <section aria-labelledby={headingId} className="rounded-md border border-amber-300 bg-amber-50 p-3">
          <h4 id={headingId} className="text-sm font-semibold text-amber-950">{t("report.similarTitle")}</h4>
          <p className="text-sm text-amber-950">{t("report.similarLead")}</p>
          <ul className="mt-2 space-y-3">
            {hints.map((hint) => (
              <li key={hint.id} className="space-y-1 text-sm text-slate-900">
                <Link to={`/t/${slug}/recommendations/${hint.id}`} className={`font-medium text-teal-800 underline ${FOCUS_RING}`}>{earlierLabel(hint.number, hint.visitStart)}</Link>
                <span className="ml-2 text-slate-700">{t("report.similarStatus", { status: t(`report.statuses.${hint.status}`) })}</span>
                <p className="whitespace-pre-wrap text-slate-800">{hint.text}</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="markRepeat" />
                  <input type="hidden" name="recommendationId" value={recommendation.id} />
                  <input type="hidden" name="repeatsRecommendationId" value={hint.id} />
                  <Button variant="secondary">
                    {t("recommendationRepeats.mark")}
                    <span className="sr-only"> {earlierLabel(hint.number, hint.visitStart)}</span>
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
