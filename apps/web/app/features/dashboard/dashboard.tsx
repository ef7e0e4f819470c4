import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { Button, buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { AtAGlance } from "./AtAGlance";
import { ExportLinks } from "./ExportLinks";
import { RateSection } from "./RateSection";
import { StatusSection } from "./StatusSection";
import { VisitsSection } from "./VisitsSection";
import { EmptyState } from "../../ui/EmptyState";
import { PageHeader } from "../../ui/PageHeader";
import { SelectField } from "../../ui/SelectField";
import { loaderError, serverApi } from "../../lib/api.server";
import { yearFromUrl } from "./dashboard-year";
import { pageTitle } from "../../lib/locale";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/dashboard";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "dashboard.metaTitle");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const year = yearFromUrl(new URL(request.url));
  const input = { tenantSlug: params.slug, year };
  try {
    return { year, ...(await api.caller.dashboard.figures(input)) };
  } catch (error) {
    loaderError(error, request);
  }
}

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { year, summary, implementation, visitsByPlaceType } = loaderData;
  const header = <PageHeader title={t("dashboard.title")} lead={t("dashboard.lead")} />;
  if (summary.years.length === 0) {
    return (
      <div className="space-y-6">
        {header}
        <EmptyState
          title={t("dashboard.emptyTitle")}
          body={t("dashboard.emptyBody")}
          action={
            roleAtLeast(workspace.role, "monitor") ? (
              <Link to={`/t/${workspace.slug}/visits/new`} className={buttonClass("primary")}>{t("dashboard.emptyAction")}</Link>
            ) : undefined
          }
        />
      </div>
    );
  }
  return (
    <div className="space-y-6">
      {header}
      <AtAGlance summary={summary} />
      <Card title={t("dashboard.filterLabel")} id="dashboard-filter">
        <Form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("dashboard.filterLabel")}>
          <SelectField
            name="year"
            label={t("dashboard.yearLabel")}
            defaultValue={year ? String(year) : ""}
            options={[{ value: "", label: t("dashboard.allYears") }, ...summary.years.map((value) => ({ value: String(value), label: String(value) }))]}
          />
          <Button variant="secondary">{t("dashboard.apply")}</Button>
        </Form>
        <p className="mt-3 text-sm text-slate-600">{t("dashboard.yearNote")}</p>
      </Card>
      <StatusSection byStatus={summary.byStatus} />
      <RateSection
        id="rate-by-year"
        title={t("dashboard.rateByYearTitle")}
        groupLabel={t("dashboard.columns.year")}
        rows={implementation.byYear.map((row) => ({ ...row, key: String(row.year), label: String(row.year) }))}
      />
      <RateSection
        id="rate-by-place-type"
        color={1}
        title={t("dashboard.rateByPlaceTypeTitle")}
        groupLabel={t("dashboard.columns.placeType")}
        rows={implementation.byPlaceType.map((row) => ({ ...row, key: row.placeType, label: t(`visitPlaceTypes.${row.placeType}`) }))}
      />
      <RateSection
        id="rate-by-authority"
        color={2}
        title={t("dashboard.rateByAuthorityTitle")}
        groupLabel={t("dashboard.columns.authority")}
        note={t("dashboard.authorityLimit", { count: implementation.authorityLimit })}
        rows={implementation.byAuthority.map((row) => ({ ...row, key: row.authorityId, label: row.name }))}
      />
      <VisitsSection rows={visitsByPlaceType} />
      <ExportLinks year={year} />
    </div>
  );
}
