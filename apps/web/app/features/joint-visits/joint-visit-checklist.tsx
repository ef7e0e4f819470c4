import { useTranslation } from "react-i18next";
import { data } from "react-router";
import { ChecklistPage } from "../checklist/ChecklistPage";
import { loaderError, serverApi } from "../../lib/api.server";
import { saveSectionFromForm } from "../checklist/checklist-action.server";
import { ChecklistEndpointsContext, JOINT_VISIT_ENDPOINTS } from "../checklist/checklist-endpoints";
import { loadChecklistPage } from "../checklist/checklist-page.server";
import { checklistPageTitle } from "../checklist/checklist-title";
import type { Route } from "./+types/joint-visit-checklist";
import { readForm } from "../../lib/read-form.server";

/**
 * The host's checklist of a joint visit, filled in from the partner's own workspace: the same
 * checklist page as a workspace's own visit, reading and saving through the jointVisits procedures
 * (docs/decisions/0100-joint-visits.md).
 */
export const meta: Route.MetaFunction = ({ matches, data: loaded }) => checklistPageTitle(matches, loaded);

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    return await loadChecklistPage(api, request, { tenantSlug: params.slug, visitId: params.visitId }, {
      get: (input) => api.caller.jointVisits.checklist(input),
      history: (input) => api.caller.jointVisits.history(input),
    });
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  try {
    const result = await saveSectionFromForm(api, params.slug, params.visitId, await readForm(request), {
      get: (input) => api.caller.jointVisits.checklist(input),
      save: (input) => api.caller.jointVisits.saveAnswer(input),
    });
    return data(result, { status: Object.keys(result.outcome.unsaved).length > 0 ? 409 : 200 });
  } catch (error) {
    loaderError(error, request);
  }
}

export default function JointVisitChecklist({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <ChecklistEndpointsContext.Provider value={JOINT_VISIT_ENDPOINTS}>
      <ChecklistPage
        data={loaderData}
        tenantSlug={params.slug}
        saved={actionData}
        back={{ to: `/t/${params.slug}/joint-visits/${loaderData.visit.id}`, label: t("joint.visit.backToVisit") }}
      />
    </ChecklistEndpointsContext.Provider>
  );
}
