import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { PageHeader } from "../../ui/PageHeader";
import { ResultCount } from "../../ui/ResultCount";
import { PLACE_TYPE_VALUES, VISIT_STATUS_VALUES, VisitFilters } from "./VisitFilters";
import { VisitTable } from "./VisitTable";
import { VisitTabs } from "./VisitTabs";
import { loaderError, serverApi } from "../../lib/api.server";
import { pageTitle } from "../../lib/locale";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/visits";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "visits.title");

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

/** Reads the filters from the address; unknown values are ignored rather than refused. */
function filtersFrom(url: URL) {
  const params = url.searchParams;
  const year = Number(params.get("year"));
  return {
    status: oneOf(VISIT_STATUS_VALUES, params.get("status")),
    placeType: oneOf(PLACE_TYPE_VALUES, params.get("placeType")),
    region: params.get("region")?.trim() || undefined,
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined,
    cursor: params.get("cursor") || undefined,
  };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const tenantSlug = params.slug;
  const filters = filtersFrom(new URL(request.url));
  try {
    // One read transaction for both (decision 0178).
    const [page, options] = await api.inWorkspace(tenantSlug, (caller) => Promise.all([caller.visits.list({ tenantSlug, ...filters }), caller.visits.filterOptions({ tenantSlug })]));
    return { ...page, ...options, filters };
  } catch (error) {
    loaderError(error, request);
  }
}

export default function Visits({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const workspace = useWorkspace();
  const { visits, nextCursor, regions, years, filters } = loaderData;
  const next = new URLSearchParams(searchParams);
  if (nextCursor) next.set("cursor", nextCursor);
  const filtered = Boolean(filters.status || filters.placeType || filters.region || filters.year);
  return (
    <div className="space-y-6">
      <PageHeader title={t("visits.title")} lead={t("visits.lead")} />
      <VisitTabs />
      <Card title={t("visits.filtersTitle")} id="visit-filters">
        <VisitFilters regions={regions} years={years} current={filters} />
      </Card>
      <ResultCount count={t("a11y.resultCount.visits", { count: visits.length })} more={nextCursor ? t("a11y.resultCount.more") : undefined} filterKey={searchParams.toString()} />
      {visits.length === 0 ? (
        <EmptyState
          title={filtered || filters.cursor ? t("visits.noneMatchTitle") : t("visits.noneTitle")}
          body={filtered || filters.cursor ? t("visits.noneMatchBody") : t("visits.noneBody")}
          action={
            !filtered && !filters.cursor && roleAtLeast(workspace.role, "monitor") ? (
              <Link to={`/t/${workspace.slug}/visits/new`} className={buttonClass("primary")}>{t("firstRunEmpty.visitsPlan")}</Link>
            ) : undefined
          }
        />
      ) : (
        <Card>
          <VisitTable visits={visits} caption={t("visits.tableCaption")} />
          <div className="mt-4 flex gap-2">
            {filters.cursor ? (
              <Link to={`?${withoutCursor(searchParams)}`} className={buttonClass("secondary")}>
                {t("visits.firstPage")}
              </Link>
            ) : null}
            {nextCursor ? (
              <Link to={`?${next.toString()}`} className={buttonClass("secondary")}>
                {t("visits.nextPage")}
              </Link>
            ) : null}
          </div>
        </Card>
      )}
    </div>
  );
}

function withoutCursor(params: URLSearchParams): string {
  const copy = new URLSearchParams(params);
  copy.delete("cursor");
  return copy.toString();
}
