import { data, redirect } from "react-router";
import { RecommendationsToVerify } from "./RecommendationsToVerify";
import { loaderError, serverApi } from "../../lib/api.server";
import { pageTitle } from "../../lib/locale";
import { maxDocumentMegabytes, recordUpdateFromForm, today } from "./recommendation-update.server";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/visit-verify";

/**
 * Verifications on a follow-up visit. The visit page shows the same list and posts its forms here;
 * a success returns to the visit page, a refusal is shown here with the form and its errors.
 */
export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "followUpVisits.toVerifyTitle");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    const toVerify = await api.caller.recommendations.toVerify({ tenantSlug: params.slug, visitId: params.visitId });
    if (!toVerify.followUpOf) throw redirect(`/t/${params.slug}/visits/${params.visitId}`);
    return { toVerify: { ...toVerify, followUpOf: toVerify.followUpOf }, today: today(), maxMegabytes: maxDocumentMegabytes() };
  } catch (error) {
    if (error instanceof Response) throw error;
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const result = await recordUpdateFromForm(api, request, params.slug);
  if (result.ok) throw redirect(`/t/${params.slug}/visits/${params.visitId}?verified=1#to-verify`);
  return data(result, { status: 400 });
}

export default function VisitVerify({ loaderData, actionData, params }: Route.ComponentProps) {
  const workspace = useWorkspace();
  return (
    <RecommendationsToVerify visitId={params.visitId} toVerify={loaderData.toVerify} canRecord={roleAtLeast(workspace.role, "monitor")}
      today={loaderData.today} maxMegabytes={loaderData.maxMegabytes} result={actionData} />
  );
}
