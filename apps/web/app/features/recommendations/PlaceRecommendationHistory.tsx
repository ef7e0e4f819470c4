import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FOCUS_RING } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { RecommendationTable, type RecommendationRowData } from "./RecommendationTable";

/** A place's recommendations over the years (newest visit first), each with its status and latest update. */
export function PlaceRecommendationHistory({ slug, placeId, recommendations, more }: { slug: string; placeId: string; recommendations: RecommendationRowData[]; more: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t("placeRecommendations.title")} id="recommendations">
      {recommendations.length === 0 ? (
        <EmptyState headingLevel={3} title={t("placeRecommendations.emptyTitle")} body={t("placeRecommendations.emptyBody")} />
      ) : (
        <div className="space-y-3">
          <RecommendationTable rows={recommendations} caption={t("placeRecommendations.caption")} />
          {more ? (
            <Link to={`/t/${slug}/recommendations?placeId=${placeId}`} className={`text-sm text-teal-800 underline ${FOCUS_RING}`}>{t("placeRecommendations.more")}</Link>
          ) : null}
        </div>
      )}
    </Card>
  );
}
