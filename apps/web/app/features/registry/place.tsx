import { formatNumber, localizedName } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Form, Link, useSearchParams } from "react-router";
import { Button, buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { PlaceRecommendationHistory } from "../recommendations/PlaceRecommendationHistory";
import { formatDayRange } from "../visits/visit-days";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { useBusy } from "../../lib/form";
import { pageTitle, useLocale } from "../../lib/locale";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/place";
import { readForm } from "../../lib/read-form.server";

export const meta: Route.MetaFunction = ({ matches, data: loaded }) => pageTitle(matches, "places.title", {}).map((m) => ({ title: loaded ? `${loaded.place.name} — ${m.title}` : m.title }));

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    const input = { tenantSlug: params.slug, placeId: params.placeId };
    // One read transaction for both (decision 0178).
    const [place, history] = await api.inWorkspace(params.slug, (caller) => Promise.all([caller.places.get(input), caller.recommendations.placeHistory(input)]));
    return { place, history };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const form = await readForm(request);
  const setArchived = async (archived: boolean) => {
    const result = await runAction(api, () => api.caller.places.setArchived({ tenantSlug: params.slug, placeId: params.placeId, archived }));
    return data(result, { status: result.ok ? 200 : 400 });
  };
  return dispatchIntent(form, { archive: () => setArchived(true), unarchive: () => setArchived(false) });
}

function Detail({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="text-slate-900 sm:col-span-2">{value || t("places.noAuthority")}</dd>
    </div>
  );
}

export default function Place({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const [searchParams] = useSearchParams();
  const { place, history } = loaderData;
  const canEdit = roleAtLeast(workspace.role, "coordinator");
  const busy = useBusy();
  const base = `/t/${workspace.slug}`;
  const authority = place.authority ? [localizedName(place.authority, locale), place.authority.parent ? localizedName(place.authority.parent, locale) : null].filter(Boolean).join(" — ") : null;
  return (
    <div className="space-y-6">
      <Link to={`${base}/places`} className="text-sm text-teal-800 underline">
        {t("places.backToList")}
      </Link>
      <PageHeader
        title={localizedName(place, locale)}
        lead={t(`placeTypes.${place.type}`)}
        actions={canEdit && !place.archivedAt ? <Link to="edit" className={buttonClass("secondary")}>{t("places.edit")}</Link> : undefined}
      />
      <FormSuccess message={searchParams.get("saved") ? t("places.saved") : undefined} />
      {place.archivedAt ? <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("places.archivedNotice")}</p> : null}
      <Card title={t("places.detailsTitle")} id="details">
        <dl className="divide-y divide-slate-100">
          <Detail label={t("places.type")} value={t(`placeTypes.${place.type}`)} />
          <Detail label={t("places.region")} value={place.region} />
          <Detail label={t("places.municipality")} value={place.municipality} />
          <Detail label={t("places.address")} value={place.address} />
          <Detail label={t("places.capacity")} value={place.capacity === null ? null : formatNumber(locale, place.capacity)} />
          <Detail label={t("places.authority")} value={authority} />
          <Detail label={t("places.notes")} value={place.notes} />
        </dl>
      </Card>
      <Card title={t("places.visitsTitle")} id="visits">
        {place.visits.length === 0 ? (
          <EmptyState headingLevel={3} title={t("places.visitsEmptyTitle")} body={t("places.visitsEmptyBody")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {place.visits.map((visit) => (
              <li key={visit.id} className="py-2">
                <Link to={`${base}/visits/${visit.id}`} className="text-teal-800 underline">
                  {formatDayRange(locale, visit.plannedStart, visit.plannedEnd)}
                </Link>
                {visit.nightVisit ? <span className="ml-2 text-sm text-slate-600">{t("places.nightVisit")}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <PlaceRecommendationHistory slug={workspace.slug} placeId={place.id} recommendations={history.recommendations} more={history.more} />
      {canEdit ? (
        <Form method="post" className="space-y-2">
          <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
          <p className="text-sm text-slate-600">{t("places.archiveHint")}</p>
          <input type="hidden" name="intent" value={place.archivedAt ? "unarchive" : "archive"} />
          <Button variant="secondary" busy={busy}>
            {place.archivedAt ? t("places.unarchive") : t("places.archive")}
          </Button>
        </Form>
      ) : null}
    </div>
  );
}
