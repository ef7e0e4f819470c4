import { useTranslation } from "react-i18next";
import { data } from "react-router";
import { PageHeader } from "../components/PageHeader";
import { TwoFactorRequirementForm } from "../components/security/TwoFactorRequirementForm";
import { formFields, loaderError, runAction, serverApi } from "../lib/api.server";
import { pageTitle } from "../lib/locale";
import { roleAtLeast, useWorkspace } from "../lib/workspace";
import type { Route } from "./+types/workspace-security";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "security.title");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context);
  try {
    return await api.caller.twoFactor.workspaceRequirement({ tenantSlug: params.slug });
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context);
  const fields = await formFields(request, ["requireTwoFactor"] as const);
  const result = await runAction(api, () =>
    api.caller.twoFactor.setWorkspaceRequirement({ tenantSlug: params.slug, required: fields.requireTwoFactor === "on" }),
  );
  return data(result, { status: result.ok ? 200 : 400 });
}

/** The workspace's security settings (owners change them; everyone sees them). */
export default function WorkspaceSecurity({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={t("security.title")} lead={t("security.lead")} />
      <TwoFactorRequirementForm required={loaderData.required} canChange={roleAtLeast(workspace.role, "owner")} result={actionData} />
    </div>
  );
}
