import { localizedName } from "@vigil/i18n";
import type { PlaceType, VisitStatus, VisitType } from "@vigil/db";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../ui/DataTable";
import { Link } from "react-router";
import { useLocale } from "../../lib/locale";
import { formatDayRange } from "./visit-days";
import { useWorkspace } from "../../lib/workspace";
import { FOCUS_RING } from "../../ui/Button";
import { VisitStatusBadge } from "./VisitStatusBadge";

export type VisitRow = {
  id: string;
  type: VisitType;
  status: VisitStatus;
  nightVisit: boolean;
  announced: boolean;
  plannedStart: Date | string;
  plannedEnd: Date | string;
  place: { id: string; name: string; type: PlaceType; region: string | null };
};

/** Visits as a table: dates, place, type and status; the place name links to the visit. */
export function VisitTable({ visits, caption }: { visits: VisitRow[]; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { slug } = useWorkspace();
  return (
    <DataTable
      caption={caption}
      columns={[
        { key: "dates", label: t("visitFields.dates") },
        { key: "place", label: t("visitFields.place") },
        { key: "type", label: t("visitFields.type") },
        { key: "status", label: t("visitFields.status") },
      ]}
    >
      {visits.map((visit) => (
        <tr key={visit.id}>
          <td className="py-2 pr-4 whitespace-nowrap">{formatDayRange(locale, visit.plannedStart, visit.plannedEnd)}</td>
          <td className="py-2 pr-4">
            {/* Several visits to one place: the dates tell their links apart (they are in the row, not in the link). */}
            <Link to={`/t/${slug}/visits/${visit.id}`} aria-label={`${localizedName(visit.place, locale)}, ${formatDayRange(locale, visit.plannedStart, visit.plannedEnd)}`} className={`font-medium text-teal-800 underline ${FOCUS_RING}`}>
              {localizedName(visit.place, locale)}
            </Link>
            <span className="block text-slate-600">
              {t(`visitPlaceTypes.${visit.place.type}`)}
              {visit.place.region ? ` · ${visit.place.region}` : null}
            </span>
          </td>
          <td className="py-2 pr-4">
            {t(`visitTypes.${visit.type}`)}
            {visit.nightVisit ? <span className="block text-slate-600">{t("visitFields.nightVisit")}</span> : null}
          </td>
          <td className="py-2">
            <VisitStatusBadge status={visit.status} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
