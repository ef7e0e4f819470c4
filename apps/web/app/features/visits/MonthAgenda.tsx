import { localizedName } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLocale } from "../../lib/locale";
import { dayValue, formatDay } from "./visit-days";
import { useWorkspace } from "../../lib/workspace";
import { FOCUS_RING } from "../../ui/Button";
import { VisitStatusBadge } from "./VisitStatusBadge";
import type { VisitRow } from "./VisitTable";

const FULL = "full";

/** The days of a month on which a visit is planned; a visit over several days appears on each. */
export function daysWithVisits(year: number, month: number, visits: VisitRow[]) {
  const days: { day: string; visits: VisitRow[] }[] = [];
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  for (let d = 1; d <= length; d += 1) {
    const day = dayValue(new Date(Date.UTC(year, month - 1, d)));
    const onDay = visits.filter((visit) => dayValue(visit.plannedStart) <= day && day <= dayValue(visit.plannedEnd));
    if (onDay.length > 0) days.push({ day, visits: onDay });
  }
  return days;
}

/**
 * The month as a list of days, each with its visits: readable by a screen reader and on a phone,
 * which a grid of 31 boxes is not.
 */
export function MonthAgenda({ year, month, visits }: { year: number; month: number; visits: VisitRow[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { slug } = useWorkspace();
  const days = daysWithVisits(year, month, visits);
  return (
    <ol className="space-y-4">
      {days.map(({ day, visits: onDay }) => (
        <li key={day} className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="font-semibold text-slate-900">
            <time dateTime={day}>{formatDay(locale, day, FULL)}</time>
          </h3>
          <ul className="mt-2 space-y-2">
            {onDay.map((visit) => (
              <li key={visit.id} className="flex flex-wrap items-center gap-2">
                {/* Visits to one place on other days have links of the same name: the day tells them apart. */}
                <Link to={`/t/${slug}/visits/${visit.id}`} aria-label={`${localizedName(visit.place, locale)}, ${formatDay(locale, day, FULL)}`} className={`font-medium text-teal-800 underline ${FOCUS_RING}`}>
                  {localizedName(visit.place, locale)}
                </Link>
                <span className="text-sm text-slate-600">
                  {t(`visitTypes.${visit.type}`)}
                  {visit.nightVisit ? ` · ${t("visitFields.nightVisit")}` : null}
                </span>
                <VisitStatusBadge status={visit.status} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
