import type { RecommendationStatus } from "@vigil/db";
import { useTranslation } from "react-i18next";

const COLOURS: Record<RecommendationStatus, string> = {
  open: "bg-sky-50 text-sky-900 border-sky-200",
  accepted: "bg-violet-50 text-violet-900 border-violet-200",
  in_progress: "bg-amber-50 text-amber-900 border-amber-200",
  implemented: "bg-teal-50 text-teal-900 border-teal-200",
  partially_implemented: "bg-lime-50 text-lime-900 border-lime-200",
  not_implemented: "bg-orange-50 text-orange-900 border-orange-200",
  rejected: "bg-red-50 text-red-900 border-red-200",
};

/** The status as text (the colour only repeats it). */
export function RecommendationStatusBadge({ status }: { status: RecommendationStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`inline-block whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${COLOURS[status]}`}>
      {t(`recommendations.status.${status}`)}
    </span>
  );
}

/** "Overdue": no response by the due date. Text, not only colour. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return <span className="inline-block whitespace-nowrap rounded-full border border-red-300 bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">{t("recommendations.overdue")}</span>;
}
