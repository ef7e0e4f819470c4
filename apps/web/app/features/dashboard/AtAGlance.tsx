import { formatNumber } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLocale } from "../../lib/locale";
import { formatDay, formatDayRange } from "../visits/visit-days";
import { useWorkspace } from "../../lib/workspace";
import { FOCUS_RING } from "../../ui/Button";
import type { ServerOutputs } from "../../lib/api-types";

type Summary = ServerOutputs["dashboard"]["figures"]["summary"];

const LINK = `text-teal-800 underline ${FOCUS_RING}`;

/** One figure: a heading, the number, and what lies behind it. */
function Figure({ id, title, value, children }: { id: string; title: string; value: string; children?: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">{title}</h2>
      <p className="mt-1 text-4xl font-semibold tabular-nums text-slate-900" data-figure={id}>{value}</p>
      <div className="mt-2 text-sm text-slate-700">{children}</div>
    </section>
  );
}

/** What needs attention today: upcoming visits, overdue responses, reprisal-risk follow-ups. */
export function AtAGlance({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { slug } = useWorkspace();
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <Figure id="upcoming" title={t("dashboard.upcomingTitle")} value={formatNumber(locale, summary.upcoming.count)}>
        {summary.upcoming.next.length === 0 ? (
          <p>{t("dashboard.upcomingNone")}</p>
        ) : (
          <ul className="space-y-1">
            {summary.upcoming.next.map((visit) => (
              <li key={visit.id}>
                <Link to={`/t/${slug}/visits/${visit.id}`} aria-label={`${visit.place.name}, ${formatDayRange(locale, visit.plannedStart, visit.plannedEnd)}`} className={LINK}>
                  {visit.place.name}
                </Link>
                <span className="block text-slate-600">{formatDayRange(locale, visit.plannedStart, visit.plannedEnd)}</span>
              </li>
            ))}
          </ul>
        )}
      </Figure>
      <Figure id="overdue" title={t("dashboard.overdueTitle")} value={formatNumber(locale, summary.overdue.count)}>
        <p className="text-slate-600">{t("dashboard.overdueHint")}</p>
        {summary.overdue.oldest.length === 0 ? (
          <p className="mt-1">{t("dashboard.overdueNone")}</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {summary.overdue.oldest.map((recommendation) => (
              <li key={recommendation.id}>
                <Link to={`/t/${slug}/visits/${recommendation.visitId}`} className={LINK}>
                  {t("dashboard.overdueItem", {
                    number: recommendation.number, place: recommendation.placeName,
                    // A due date is a calendar day (`date` column, read as UTC midnight): formatted in UTC so it does not slip a day.
                    date: recommendation.dueDate ? formatDay(locale, recommendation.dueDate) : "",
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Figure>
      <Figure id="follow-ups" title={t("dashboard.followUpsTitle")} value={formatNumber(locale, summary.followUps.due)}>
        <p>{t("dashboard.followUpsOpen", { total: formatNumber(locale, summary.followUps.open) })}</p>
        {summary.followUps.open > 0 ? (
          <Link to={`/t/${slug}`} className={LINK}>{t("dashboard.followUpsLink")}</Link>
        ) : null}
      </Figure>
    </div>
  );
}
