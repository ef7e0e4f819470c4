import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ServerOutputs } from "../../lib/api-types";
import { useLocale } from "../../lib/locale";
import { FOCUS_RING } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { formatDayRange } from "../visits/visit-days";
import { RecommendationTable } from "./RecommendationTable";

type Row = ServerOutputs["recommendations"]["placeHistory"]["recommendations"][number];

/** Rows in the history's order (newest visit first, then by number), gathered per visit. */
function byVisit(rows: Row[]): { visit: Row["visit"]; rows: Row[] }[] {
  const groups: { visit: Row["visit"]; rows: Row[] }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last?.visit.id === row.visit.id) last.rows.push(row);
    else groups.push({ visit: row.visit, rows: [row] });
  }
  return groups;
}

/**
 * A place's recommendations over the years, under a heading per visit (its dates, type and status),
 * so that each report's numbering reads as it was sent instead of restarting in one long list.
 */
export function PlaceRecommendationHistory({ slug, placeId, recommendations, more }: { slug: string; placeId: string; recommendations: Row[]; more: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t("placeRecommendations.title")} id="recommendations">
      {recommendations.length === 0 ? (
        <EmptyState headingLevel={3} title={t("placeRecommendations.emptyTitle")} body={t("placeRecommendations.emptyBody")} />
      ) : (
        <div className="space-y-6">
          {byVisit(recommendations).map(({ visit, rows }) => {
            const heading = t("recommendationLinks.visitHeading", {
              dates: formatDayRange(locale, visit.plannedStart, visit.plannedEnd),
              type: t(`visitTypes.${visit.type}`),
              status: t(`visitStatus.${visit.status}`),
            });
            return (
              <section key={visit.id} aria-labelledby={`place-visit-${visit.id}`} className="space-y-2">
                <h3 id={`place-visit-${visit.id}`} className="text-base font-semibold text-slate-900">
                  <Link to={`/t/${slug}/visits/${visit.id}`} className={`text-teal-800 underline ${FOCUS_RING}`}>
                    {heading}
                  </Link>
                </h3>
                <RecommendationTable rows={rows} caption={t("recommendationLinks.visitCaption", { visit: heading })} showPlace={false} />
              </section>
            );
          })}
          {more ? (
            <Link to={`/t/${slug}/recommendations?placeId=${placeId}`} className={`text-sm text-teal-800 underline ${FOCUS_RING}`}>{t("placeRecommendations.more")}</Link>
          ) : null}
        </div>
      )}
    </Card>
  );
}
