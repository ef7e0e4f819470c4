import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import { Button, buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { PlanFields, type PlanValues } from "./PlanFields";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { useBusy } from "../../lib/form";
import { pageTitle } from "../../lib/locale";
import { dayValue } from "./visit-days";
import { planInputFrom, planValuesFrom } from "./visit-form.server";
import type { Route } from "./+types/visit-edit";
import { readForm } from "../../lib/read-form.server";

export const meta: Route.MetaFunction = ({ matches, data: loaded }) => pageTitle(matches, "visitEdit.title", {}, () => loaded?.visit.placeName);

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    const visit = await api.caller.visits.get({ tenantSlug: params.slug, visitId: params.visitId });
    const options = await api.caller.visits.planningOptions({ tenantSlug: params.slug, placeId: visit.place.id });
    const values: PlanValues = {
      type: visit.type,
      announced: visit.announced,
      nightVisit: visit.nightVisit,
      plannedStart: dayValue(visit.plannedStart),
      plannedEnd: dayValue(visit.plannedEnd),
      objectives: visit.objectives ?? "",
      templateVersionId: visit.templateVersion?.id ?? "",
    };
    return { visit: { id: visit.id, placeName: visit.place.name, editable: visit.editable }, values, templateVersions: options.templateVersions };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const values = planValuesFrom(await readForm(request));
  const result = await runAction(api, () => api.caller.visits.updatePlan({ tenantSlug: params.slug, visitId: params.visitId, ...planInputFrom(values) }));
  if (result.ok) throw redirect(`/t/${params.slug}/visits/${params.visitId}`);
  return data({ ...result, values }, { status: 400 });
}

export default function VisitEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const busy = useBusy();
  const { visit, values, templateVersions } = loaderData;
  return (
    <div className="space-y-6">
      <PageHeader title={t("visitEdit.title")} lead={visit.placeName} />
      <Card>
        {visit.editable ? null : <FormError message={t("visitErrors.notEditable")} />}
        <Form method="post" className="space-y-6">
          <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
          <PlanFields values={actionData?.values ?? values} templateVersions={templateVersions} result={actionData} />
          <div className="flex gap-2">
            <Button busy={busy} busyLabel={t("visitEdit.submitBusy")}>{t("visitEdit.submit")}</Button>
            <Link to=".." relative="path" className={buttonClass("ghost")}>{t("common.cancel")}</Link>
          </div>
        </Form>
      </Card>
    </div>
  );
}
