import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLocale } from "../../lib/locale";
import { formatDayRange } from "./visit-days";
import { FOCUS_RING } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { VisitStatusBadge } from "./VisitStatusBadge";
import type { ServerOutputs } from "../../lib/api-types";

type EarlierVisit = ServerOutputs["visits"]["preparation"]["earlierVisits"][number];

/** What to read before going: the place's earlier visits and its open recommendations. */
export function PreparationCard({ placeName, earlierVisits, base, openRecommendations }: { placeName: string; earlierVisits: EarlierVisit[]; base: string; openRecommendations?: ReactNode }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t("visitPreparation.title")} id="preparation">
      <div className="space-y-6">
        <section aria-labelledby="earlier-visits" className="space-y-2">
          <h3 id="earlier-visits" className="font-semibold text-slate-900">{t("visitPreparation.earlierVisits", { place: placeName })}</h3>
          {earlierVisits.length === 0 ? (
            <p className="text-slate-600">{t("visitPreparation.noEarlierVisits")}</p>
          ) : (
            <ul className="space-y-2">
              {earlierVisits.map((visit) => (
                <li key={visit.id} className="flex flex-wrap items-center gap-2">
                  <Link to={`${base}/${visit.id}`} className={`text-teal-800 underline ${FOCUS_RING}`}>
                    {formatDayRange(locale, visit.plannedStart, visit.plannedEnd)}
                  </Link>
                  <span className="text-sm text-slate-600">
                    {t(`visitTypes.${visit.type}`)}
                    {visit.nightVisit ? ` · ${t("visitFields.nightVisit")}` : null}
                  </span>
                  <VisitStatusBadge status={visit.status} />
                </li>
              ))}
            </ul>
          )}
        </section>
        {openRecommendations ?? <EmptyState headingLevel={3} title={t("visitPreparation.recommendationsTitle")} body={t("visitPreparation.recommendationsBody")} />}
      </div>
    </Card>
  );
}
