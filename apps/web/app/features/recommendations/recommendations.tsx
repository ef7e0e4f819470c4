import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { PageHeader } from "../../ui/PageHeader";
import { ResultCount } from "../../ui/ResultCount";
import { RECOMMENDATION_STATUS_VALUES, RecommendationFilters, type RecommendationFilterValues } from "./RecommendationFilters";
import { RecommendationTable } from "./RecommendationTable";
import { loaderError, serverApi } from "../../lib/api.server";
import { pageTitle } from "../../lib/locale";
import type { Route } from "./+types/recommendations";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "recommendations.metaTitle");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filters from the address; unknown values are ignored rather than refused. */
function filtersFrom(url: URL): RecommendationFilterValues & { cursor?: string } {
  const params = url.searchParams;
  const id = (name: string) => {
    const value = params.get(name) ?? "";
    return UUID.test(value) ? value : undefined;
  };
  return {
    status: RECOMMENDATION_STATUS_VALUES.filter((status) => params.getAll("status").includes(status)),
    authorityId: id("authorityId"),
    placeId: id("placeId"),
    tag: params.get("tag")?.trim().slice(0, 100) || undefined,
    overdue: params.get("overdue") === "on",
    cursor: params.get("cursor") || undefined,
  };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const tenantSlug = params.slug;
  const filters = filtersFrom(new URL(request.url));
  try {
    // One read transaction for both (decision 0178).
    const [page, options] = await api.inWorkspace(tenantSlug, (caller) =>
      Promise.all([
        caller.recommendations.list({ tenantSlug, ...filters, status: filters.status.length ? filters.status : undefined, overdue: filters.overdue || undefined }),
        caller.recommendations.filterOptions({ tenantSlug }),
      ]),
    );
    return { ...page, options, filters };
  } catch (error) {
    loaderError(error, request);
  }
}

export default function Recommendations({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const { recommendations, nextCursor, options, filters } = loaderData;
  const next = new URLSearchParams(searchParams);
  if (nextCursor) next.set("cursor", nextCursor);
  const first = new URLSearchParams(searchParams);
  first.delete("cursor");
  const filtered = Boolean(filters.status.length || filters.authorityId || filters.placeId || filters.tag || filters.overdue || filters.cursor);
  return (
    <div className="space-y-6">
      <PageHeader title={t("recommendations.title")} lead={t("recommendations.lead")} />
      <Card title={t("recommendations.filtersTitle")} id="recommendation-filters">
        <RecommendationFilters options={options} current={filters} />
      </Card>
      <ResultCount count={t("a11y.resultCount.recommendations", { count: recommendations.length })} more={nextCursor ? t("a11y.resultCount.more") : undefined} filterKey={searchParams.toString()} />
      {recommendations.length === 0 ? (
        <EmptyState
          title={filtered ? t("recommendations.noneMatchTitle") : t("recommendations.noneTitle")}
          body={filtered ? t("recommendations.noneMatchBody") : t("recommendations.noneBody")}
        />
      ) : (
        <Card>
          <RecommendationTable rows={recommendations} caption={t("recommendations.tableCaption")} />
          <div className="mt-4 flex gap-2">
            {filters.cursor ? <Link to={`?${first.toString()}`} className={buttonClass("secondary")}>{t("recommendations.firstPage")}</Link> : null}
            {nextCursor ? <Link to={`?${next.toString()}`} className={buttonClass("secondary")}>{t("recommendations.nextPage")}</Link> : null}
          </div>
        </Card>
      )}
    </div>
  );
}
