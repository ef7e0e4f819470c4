import { useTranslation } from "react-i18next";
import { useWorkspace } from "../../lib/workspace";
import { buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";

/** Links to the annual-report spreadsheets (plain downloads: they work without JavaScript). */
export function ExportLinks({ year }: { year?: number }) {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  const query = year ? `?year=${year}` : "";
  const files = [
    ["visits.csv", "dashboard.exportVisitsCsv"], ["visits.xlsx", "dashboard.exportVisitsXlsx"],
    ["recommendations.csv", "dashboard.exportRecommendationsCsv"], ["recommendations.xlsx", "dashboard.exportRecommendationsXlsx"],
  ] as const;
  return (
    <Card title={t("dashboard.exportsTitle")} id="exports">
      <p className="mb-3 text-slate-600">{t("dashboard.exportsLead")}</p>
      <ul className="flex flex-wrap gap-2">
        {files.map(([file, label]) => (
          <li key={file}>
            <a href={`/t/${slug}/exports/${file}${query}`} download className={buttonClass("secondary")}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}
