import { ARCHIVE_FILTERS, PLACE_TYPES } from "@vigil/api/registry";
import { formatNumber, localizedName } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form, Link, useSearchParams } from "react-router";
import { buttonClass } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { PageHeader } from "../../ui/PageHeader";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { loaderError, serverApi } from "../../lib/api.server";
import { pageTitle, useLocale } from "../../lib/locale";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/places";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "places.title");

type ArchiveFilter = (typeof ARCHIVE_FILTERS)[number];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const url = new URL(request.url);
  const type = url.searchParams.get("type");
  const archived = url.searchParams.get("archived");
  try {
    const [page, regions] = await Promise.all([
      api.caller.places.list({
        tenantSlug: params.slug,
        search: url.searchParams.get("q") || undefined,
        type: PLACE_TYPES.find((t) => t === type),
        region: url.searchParams.get("region") || undefined,
        archived: ARCHIVE_FILTERS.find((a) => a === archived) ?? "active",
        cursor: url.searchParams.get("after") || undefined,
      }),
      api.caller.places.regions({ tenantSlug: params.slug }),
    ]);
    return { ...page, regions };
  } catch (error) {
    loaderError(error, request);
  }
}

export default function Places({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const [searchParams] = useSearchParams();
  const base = `/t/${workspace.slug}/places`;
  const canEdit = roleAtLeast(workspace.role, "coordinator");
  const next = new URLSearchParams(searchParams);
  if (loaderData.nextCursor) next.set("after", loaderData.nextCursor);
  const onLaterPage = searchParams.has("after");
  const first = new URLSearchParams(searchParams);
  first.delete("after");
  // "No places yet" only when nothing narrows the list; the default view shows the active places.
  const filtered = ["q", "type", "region", "after"].some((key) => searchParams.get(key)) || (searchParams.get("archived") ?? "active") !== "active";
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("places.title")}
        lead={t("places.lead")}
        actions={canEdit ? <Link to={`${base}/new`} className={buttonClass()}>{t("places.new")}</Link> : undefined}
      />
      <Form method="get" role="search" aria-label={t("places.filtersTitle")} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
        <TextField name="q" type="search" label={t("places.search")} defaultValue={searchParams.get("q") ?? ""} />
        <SelectField name="type" label={t("places.type")} defaultValue={searchParams.get("type") ?? ""} options={[{ value: "", label: t("places.anyType") }, ...PLACE_TYPES.map((type) => ({ value: type, label: t(`placeTypes.${type}`) }))]} />
        <SelectField name="region" label={t("places.region")} defaultValue={searchParams.get("region") ?? ""} options={[{ value: "", label: t("places.anyRegion") }, ...loaderData.regions.map((r) => ({ value: r, label: r }))]} />
        <SelectField
          name="archived"
          label={t("places.show")}
          defaultValue={searchParams.get("archived") ?? "active"}
          options={[
            { value: "active", label: t("places.showActive") },
            { value: "archived", label: t("places.showArchived") },
            { value: "all", label: t("places.showAll") },
          ] satisfies { value: ArchiveFilter; label: string }[]}
        />
        <button type="submit" className={buttonClass("secondary")}>
          {t("places.applyFilters")}
        </button>
      </Form>
      {loaderData.places.length === 0 ? (
        filtered ? (
          <EmptyState
            title={t("firstRunEmpty.placesNoneMatchTitle")}
            body={t("firstRunEmpty.placesNoneMatchBody")}
            action={<Link to={base} className={buttonClass("secondary")}>{t("firstRunEmpty.placesShowAll")}</Link>}
          />
        ) : (
          <EmptyState
            title={t("firstRunEmpty.placesNoneTitle")}
            body={t("firstRunEmpty.placesNoneBody")}
            action={canEdit ? <Link to={`${base}/new`} className={buttonClass()}>{t("firstRunEmpty.placesAdd")}</Link> : undefined}
          />
        )
      ) : (
        <ul aria-label={t("places.listCaption")} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {loaderData.places.map((place) => (
            <li key={place.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <Link to={`${base}/${place.id}`} className="font-medium text-teal-800 underline-offset-2 hover:underline">
                  {localizedName(place, locale)}
                </Link>
                {place.archivedAt ? <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t("places.archivedBadge")}</span> : null}
                <p className="text-sm text-slate-600">
                  {[t(`placeTypes.${place.type}`), place.region, place.municipality].filter(Boolean).join(" · ")}
                </p>
              </div>
              <div className="text-sm text-slate-600 sm:text-right">
                {place.authority ? <p>{localizedName(place.authority, locale)}</p> : null}
                {place.capacity !== null ? <p>{t("places.capacity")}: {formatNumber(locale, place.capacity)}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label={t("places.pages")} className="flex gap-3">
        {onLaterPage ? <Link to={`?${first.toString()}`} className={buttonClass("ghost")}>{t("places.firstPage")}</Link> : null}
        {loaderData.nextCursor ? <Link to={`?${next.toString()}`} className={buttonClass("secondary")}>{t("places.nextPage")}</Link> : null}
      </nav>
    </div>
  );
}
