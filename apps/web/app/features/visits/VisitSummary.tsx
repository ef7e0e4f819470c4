import { localizedName } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../lib/locale";
import { formatDayRange } from "./visit-days";
import { Card } from "../../ui/Card";
import type { VisitRow } from "./VisitTable";

type Visit = VisitRow & {
  objectives: string | null;
  place: VisitRow["place"] & { municipality: string | null };
  templateVersion: { version: number | null; template: { name: string } } | null;
};

/** The plan at a glance, as a description list. */
export function VisitSummary({ visit }: { visit: Visit }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows: [string, string][] = [
    [t("visitFields.dates"), formatDayRange(locale, visit.plannedStart, visit.plannedEnd)],
    [t("visitFields.place"), [localizedName(visit.place, locale), t(`visitPlaceTypes.${visit.place.type}`), visit.place.municipality, visit.place.region].filter(Boolean).join(" · ")],
    [t("visitFields.type"), t(`visitTypes.${visit.type}`)],
    [t("visitFields.announcement"), visit.announced ? t("visitFields.announcedYes") : t("visitFields.announcedNo")],
    [t("visitFields.time"), visit.nightVisit ? t("visitFields.nightVisit") : t("visitFields.dayVisit")],
    [
      t("visitFields.template"),
      visit.templateVersion ? t("visitFields.templateVersion", { name: visit.templateVersion.template.name, version: String(visit.templateVersion.version) }) : t("visitFields.noTemplate"),
    ],
    [t("visitFields.objectives"), visit.objectives ?? t("visitFields.noObjectives")],
  ];
  return (
    <Card title={t("visitDetail.planTitle")} id="plan-summary">
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-sm font-medium text-slate-600">{term}</dt>
            <dd className="whitespace-pre-line text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
