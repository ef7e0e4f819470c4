import { useTranslation } from "react-i18next";
import { data } from "react-router";
import { ChecklistPage } from "./ChecklistPage";
import { ChecklistOfflineStatus } from "../offline/ChecklistOfflineStatus";
import { loaderError, serverApi } from "../../lib/api.server";
import { saveSectionFromForm } from "./checklist-action.server";
import { loadChecklistPage } from "./checklist-page.server";
import { checklistPageTitle } from "./checklist-title";
import type { Route } from "./+types/visit-checklist";
import { readForm } from "../../lib/read-form.server";

export const meta: Route.MetaFunction = ({ matches, data: loaded }) => checklistPageTitle(matches, loaded);

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    return await loadChecklistPage(api, request, { tenantSlug: params.slug, visitId: params.visitId }, {
      get: (input) => api.caller.checklist.get(input),
      history: (input) => api.caller.checklist.history(input),
    });
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  try {
    const result = await saveSectionFromForm(api, params.slug, params.visitId, await readForm(request));
    return data(result, { status: Object.keys(result.outcome.unsaved).length > 0 ? 409 : 200 });
  } catch (error) {
    loaderError(error, request);
  }
}

export default function VisitChecklist({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <ChecklistPage
      data={loaderData}
      tenantSlug={params.slug}
      saved={actionData}
      back={{ to: `/t/${params.slug}/visits/${loaderData.visit.id}`, label: t("checklist.backToVisit") }}
      evidenceHref={`/t/${params.slug}/visits/${loaderData.visit.id}/findings`}
      status={<ChecklistOfflineStatus />}
    />
  );
}
