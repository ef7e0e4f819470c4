import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FOCUS_RING } from "../../ui/Button";
import { OPEN_RECOMMENDATION_STATUSES } from "./RecommendationFilters";


/** Before a visit: the place's still-open recommendations, as a filtered recommendations list. */
export function PlaceOpenRecommendationsLink({ slug, placeId, placeName }: { slug: string; placeId: string; placeName: string }) {
  const { t } = useTranslation();
  const query = new URLSearchParams([["placeId", placeId], ...OPEN_RECOMMENDATION_STATUSES.map((status) => ["status", status])]);
  return (
    <section aria-labelledby="open-recommendations" className="space-y-2">
      <h3 id="open-recommendations" className="font-semibold text-slate-900">{t("followUpVisits.preparationTitle")}</h3>
      <p>
        <Link to={`/t/${slug}/recommendations?${query.toString()}`} className={`text-teal-800 underline ${FOCUS_RING}`}>
          {t("followUpVisits.preparationLink", { place: placeName })}
        </Link>
      </p>
    </section>
  );
}
