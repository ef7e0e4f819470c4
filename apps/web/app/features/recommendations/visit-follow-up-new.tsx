import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import { Button, FOCUS_RING } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { OPEN_RECOMMENDATION_STATUSES } from "./RecommendationFilters";
import { TextField } from "../../ui/TextField";
import { CheckboxField } from "../visits/CheckboxField";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { fieldError, useBusy } from "../../lib/form";
import { pageTitle, useLocale } from "../../lib/locale";
import { formatDay } from "../visits/visit-days";
import { useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/visit-follow-up-new";
import { readForm } from "../../lib/read-form.server";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "followUpVisits.planTitle");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const input = { tenantSlug: params.slug, visitId: params.visitId };
  try {
    const [visit, open] = await Promise.all([
      api.caller.visits.get(input),
      api.caller.recommendations.list({ ...input, status: [...OPEN_RECOMMENDATION_STATUSES], limit: 100 }),
    ]);
    return { visit: { id: visit.id, placeName: visit.place.name, plannedStart: visit.plannedStart }, openCount: open.recommendations.length };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const form = await readForm(request);
  const result = await runAction(api, () =>
    api.caller.recommendations.planFollowUpVisit({
      tenantSlug: params.slug, visitId: params.visitId,
      plannedStart: String(form.get("plannedStart") ?? ""), plannedEnd: String(form.get("plannedEnd") ?? ""),
      announced: form.get("announced") === "on", nightVisit: form.get("nightVisit") === "on",
    }),
  );
  if (result.ok) throw redirect(`/t/${params.slug}/visits/${result.result.id}#to-verify`);
  return data(result, { status: 400 });
}

export default function VisitFollowUpNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const busy = useBusy();
  const { visit, openCount } = loaderData;
  const error = (name: string) => fieldError(actionData, name);
  return (
    <div className="space-y-6">
      <Link to={`/t/${workspace.slug}/visits/${visit.id}`} className={`text-sm text-teal-800 underline ${FOCUS_RING}`}>{t("followUpVisits.backToVisit")}</Link>
      <PageHeader title={t("followUpVisits.planTitle")} lead={t("followUpVisits.planLead", { place: visit.placeName, date: formatDay(locale, visit.plannedStart) })} />
      <Card>
        <Form method="post" className="space-y-4">
          <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
          <p className="text-slate-700">{t("followUpVisits.openCount", { count: openCount })}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField name="plannedStart" type="date" required label={t("followUpVisits.start")} error={error("plannedStart")} />
            <TextField name="plannedEnd" type="date" required label={t("followUpVisits.end")} error={error("plannedEnd")} />
          </div>
          <CheckboxField name="announced" label={t("followUpVisits.announced")} />
          <CheckboxField name="nightVisit" label={t("followUpVisits.night")} />
          <Button busy={busy} busyLabel={t("followUpVisits.busy")}>{t("followUpVisits.submit")}</Button>
        </Form>
      </Card>
    </div>
  );
}
