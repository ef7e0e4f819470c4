import { localizedName } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import { Button, buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { FormError } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { SelectField } from "../../ui/SelectField";
import { FirstTeamFields } from "./FirstTeamFields";
import { PlanFields } from "./PlanFields";
import { VisitTabs } from "./VisitTabs";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { fieldError, useBusy } from "../../lib/form";
import { pageTitle, useLocale } from "../../lib/locale";
import { useWorkspace } from "../../lib/workspace";
import { planInputFrom, planValuesFrom } from "./visit-form.server";
import { expertFrom, memberFrom } from "./visit-team-form.server";
import type { Route } from "./+types/visit-new";
import { readForm } from "../../lib/read-form.server";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "visitPlan.title");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Planning is two steps: choose the place (which decides the templates on offer), then the plan. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const placeId = new URL(request.url).searchParams.get("placeId") ?? "";
  try {
    return await api.caller.visits.planningOptions({ tenantSlug: params.slug, placeId: UUID.test(placeId) ? placeId : undefined });
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const form = await readForm(request);
  const values = planValuesFrom(form);
  const team = () => [memberFrom(form), expertFrom(form)].flatMap((member) => (member ? [member] : []));
  const placeId = String(form.get("placeId") ?? "");
  const result = await runAction(api, () => api.caller.visits.plan({ tenantSlug: params.slug, placeId, ...planInputFrom(values), team: team() }));
  if (result.ok) throw redirect(`/t/${params.slug}/visits/${result.result.id}`);
  return data({ ...result, values }, { status: 400 });
}

export default function VisitNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useBusy();
  const { slug } = useWorkspace();
  const { places, members, place, templateVersions } = loaderData;
  return (
    <div className="space-y-6">
      <PageHeader title={t("visitPlan.title")} lead={t("visitPlan.lead")} />
      <VisitTabs />
      {places.length === 0 ? (
        <EmptyState
          title={t("visitPlan.noPlacesTitle")}
          body={t("visitPlan.noPlacesBody")}
          action={<Link to={`/t/${slug}/places`} className={buttonClass("primary")}>{t("visitPlan.toPlaces")}</Link>}
        />
      ) : !place ? (
        <Card title={t("visitPlan.choosePlace")} id="choose-place">
          <Form method="get" className="space-y-4">
            <SelectField name="placeId" label={t("visitFields.place")}
              options={places.map((p) => ({ value: p.id, label: `${localizedName(p, locale)} (${t(`visitPlaceTypes.${p.type}`)})` }))} />
            <Button>{t("visitPlan.continue")}</Button>
          </Form>
        </Card>
      ) : (
        <Card title={t("visitPlan.planFor", { place: place.name })} id="plan">
          <p className="mb-4 text-sm text-slate-600">
            {t(`visitPlaceTypes.${place.type}`)}{" "}
            <Link to="?" className="text-teal-800 underline">{t("visitPlan.changePlace")}</Link>
          </p>
          <Form method="post" className="space-y-6">
            <input type="hidden" name="placeId" value={place.id} />
            <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
            <PlanFields values={actionData?.values} templateVersions={templateVersions} result={actionData} />
            <FirstTeamFields members={members} error={fieldError(actionData, "userId")} />
            <Button busy={busy} busyLabel={t("visitPlan.submitBusy")}>{t("visitPlan.submit")}</Button>
          </Form>
        </Card>
      )}
    </div>
  );
}
