import { useTranslation } from "react-i18next";
import { data } from "react-router";
import { PageHeader } from "../../ui/PageHeader";
import { TwoFactorRequirementForm } from "./TwoFactorRequirementForm";
import { WorkspaceDeletionCard } from "./WorkspaceDeletionCard";
import { WorkspaceExportCard } from "./WorkspaceExportCard";
import { formFields, loaderError, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { pageTitle } from "../../lib/locale";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/workspace-security";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "security.title");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const tenantSlug = params.slug;
  try {
    const [requirement, current] = await Promise.all([api.caller.twoFactor.workspaceRequirement({ tenantSlug }), api.workspace(tenantSlug)]); // the layout's read of this request
    if (current.role !== "owner") return { required: requirement.required, owner: null };
    const [exports, deletion] = await Promise.all([api.caller.workspaceExport.list({ tenantSlug }), api.caller.workspaceDeletion.status({ tenantSlug })]);
    return { required: requirement.required, owner: { exports: exports.map((e) => ({ ...e, byteSize: e.byteSize === null ? null : Number(e.byteSize) })), purgeAfter: deletion.purgeAfter } };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const tenantSlug = params.slug;
  const fields = await formFields(request, ["intent", "requireTwoFactor", "confirmName", "reauthentication"] as const);
  const respond = async (intent: "export" | "delete" | "restore" | "requirement", work: () => Promise<unknown>) => {
    const result = await runAction(api, work);
    return data({ ok: result.ok, message: result.ok ? undefined : result.message, fieldErrors: result.ok ? {} : result.fieldErrors, intent }, { status: result.ok ? 200 : 400 });
  };
  return dispatchIntent(fields.intent, {
    export: (intent) => respond(intent, () => api.caller.workspaceExport.start({ tenantSlug, reauthentication: fields.reauthentication })),
    delete: (intent) => respond(intent, () => api.caller.workspaceDeletion.schedule({ tenantSlug, confirmName: fields.confirmName, reauthentication: fields.reauthentication })),
    restore: (intent) => respond(intent, () => api.caller.workspaceDeletion.restore({ tenantSlug })),
    requirement: (intent) => respond(intent, () => api.caller.twoFactor.setWorkspaceRequirement({ tenantSlug, required: fields.requireTwoFactor === "on" })),
  });
}

/** The workspace's security settings; owners also export everything or delete the workspace here. */
export default function WorkspaceSecurity({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const resultFor = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={t("security.title")} lead={t("security.lead")} />
      <TwoFactorRequirementForm required={loaderData.required} canChange={roleAtLeast(workspace.role, "owner")} result={resultFor("requirement")} />
      {loaderData.owner ? (
        <>
          <WorkspaceExportCard slug={workspace.slug} exports={loaderData.owner.exports} result={resultFor("export")} />
          <WorkspaceDeletionCard name={workspace.name} purgeAfter={loaderData.owner.purgeAfter} result={resultFor("delete") ?? resultFor("restore")} />
        </>
      ) : null}
    </div>
  );
}
