import type { RecommendationStatus, RecommendationUpdateSource } from "@vigil/db";
import { localizedName, type NamedInLanguages } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../ui/DataTable";
import { Link } from "react-router";
import { contentLang } from "../../lib/bdi";
import { useLocale } from "../../lib/locale";
import { formatDay } from "../visits/visit-days";
import { useWorkspace } from "../../lib/workspace";
import { FOCUS_RING } from "../../ui/Button";
import { OverdueBadge, RecommendationStatusBadge } from "./RecommendationStatusBadge";

export type RecommendationRowData = {
  id: string;
  number: number;
  text: string;
  status: RecommendationStatus;
  dueDate: Date | string | null;
  overdue: boolean;
  place: { id: string } & NamedInLanguages;
  /** The report the recommendation belongs to: its text is in the report's language. */
  report: { language: string };
  visit: { id: string; plannedStart: Date | string };
  addressees: ({ id: string } & NamedInLanguages)[];
  latestUpdate: { occurredOn: Date | string; source: RecommendationUpdateSource; resultingStatus: RecommendationStatus; text: string } | null;
};

export function excerpt(text: string, length = 140): string {
  return text.length > length ? `${text.slice(0, length).trimEnd()}…` : text;
}

/** Recommendations as a table; the text links to the recommendation. */
export function RecommendationTable({ rows, caption, showPlace = true }: { rows: RecommendationRowData[]; caption: string; showPlace?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { slug } = useWorkspace();
  return (
    <DataTable
      caption={caption}
      columns={[
        { key: "number", label: t("recommendations.colNumber") },
        { key: "recommendation", label: t("recommendations.colRecommendation") },
        ...(showPlace ? [{ key: "place", label: t("recommendations.colPlace") }] : []),
        { key: "status", label: t("recommendations.colStatus") },
        { key: "due", label: t("recommendations.colDue") },
        { key: "latest", label: t("recommendations.colLatest") },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id} className="align-top">
          <td className="py-2 pr-3 tabular-nums">{row.number}</td>
          <td className="py-2 pr-3">
            <Link to={`/t/${slug}/recommendations/${row.id}`} lang={contentLang(row.report.language, locale)} className={`text-teal-800 underline ${FOCUS_RING}`}>
              {excerpt(row.text)}
            </Link>
            {row.addressees.length > 0 ? <span className="block text-slate-600">{row.addressees.map((a) => localizedName(a, locale)).join(", ")}</span> : null}
          </td>
          {showPlace ? (
            <td className="py-2 pr-3">
              {localizedName(row.place, locale)}
              <span className="block whitespace-nowrap text-slate-600">{formatDay(locale, row.visit.plannedStart)}</span>
            </td>
          ) : null}
          <td className="space-y-1 py-2 pr-3">
            <RecommendationStatusBadge status={row.status} />
            {row.overdue ? <div><OverdueBadge /></div> : null}
          </td>
          <td className="py-2 pr-3 whitespace-nowrap">{row.dueDate ? formatDay(locale, row.dueDate) : t("recommendations.noDueDate")}</td>
          <td className="py-2 text-slate-700">
            {row.latestUpdate ? (
              <>
                <span className="block whitespace-nowrap font-medium">{`${formatDay(locale, row.latestUpdate.occurredOn)} · ${t(`recommendations.source.${row.latestUpdate.source}`)}`}</span>
                <span className="block">{excerpt(row.latestUpdate.text, 100)}</span>
              </>
            ) : (
              t("recommendations.noUpdate")
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
