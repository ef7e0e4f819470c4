import { hasRole } from "@vigil/api";
import { inviteMemberSchema } from "@vigil/api/inputs";
import { useTranslation } from "react-i18next";
import { data, redirect } from "react-router";
import { MemberLimitNotice } from "../billing/MemberLimitNotice";
import { InviteForm } from "./InviteForm";
import { MemberList } from "./MemberList";
import { PendingInvitations } from "./PendingInvitations";
import { PageHeader } from "../../ui/PageHeader";
import { formFields, loaderError, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { pageTitle } from "../../lib/locale";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import { parseForm } from "../../lib/parse-form.server";
import type { Route } from "./+types/members";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "members.title");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const tenantSlug = params.slug;
  try {
    // The workspace and its billing state are the layout's reads of this request (api.server.ts);
    // the page's own reads share one transaction (decision 0178).
    const [current, billing] = await Promise.all([api.workspace(tenantSlug), api.billingStatus(tenantSlug)]);
    const [members, invitations] = await api.inWorkspace(tenantSlug, (caller) =>
      Promise.all([caller.members.list({ tenantSlug }), hasRole(current.role, "admin") ? caller.members.invitations({ tenantSlug }) : Promise.resolve([])]),
    );
    // The plan's limit counts members and pending invitations (billing is off: no limit).
    const memberLimitReached = billing.memberLimit !== null && billing.seatsUsed >= billing.memberLimit ? billing.memberLimit : null;
    return { members, invitations, memberLimitReached };
  } catch (error) {
    loaderError(error, request);
  }
}

const FIELDS = ["intent", "email", "role", "invitationId", "membershipId"] as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const tenantSlug = params.slug;
  const fields = await formFields(request, FIELDS);
  // Read inside each procedure call: a role not on the list is refused there as a field error.
  const role = () => parseForm(fields, inviteMemberSchema.pick({ role: true })).role;
  const respond = async (intent: "invite" | "revoke" | "changeRole" | "remove", work: () => Promise<unknown>) => {
    const result = await runAction(api, work);
    if (result.ok && intent === "remove") throw redirect(`/t/${tenantSlug}/members`);
    const targetId = intent === "revoke" ? fields.invitationId : fields.membershipId;
    const response = result.ok ? { ok: true as const, intent, targetId, email: fields.email } : { ...result, intent, targetId, email: fields.email };
    return data(response, { status: result.ok ? 200 : 400 });
  };
  return dispatchIntent(fields.intent, {
    invite: (intent) => respond(intent, () => api.caller.members.invite({ tenantSlug, email: fields.email, role: role() })),
    revoke: (intent) => respond(intent, () => api.caller.members.revokeInvitation({ tenantSlug, invitationId: fields.invitationId })),
    changeRole: (intent) => respond(intent, () => api.caller.members.changeRole({ tenantSlug, membershipId: fields.membershipId, role: role() })),
    remove: (intent) => respond(intent, () => api.caller.members.remove({ tenantSlug, membershipId: fields.membershipId })),
  });
}

export default function Members({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const isAdmin = roleAtLeast(workspace.role, "admin");
  return (
    <div className="space-y-8">
      <PageHeader title={t("members.title")} lead={t("members.lead", { workspace: workspace.name })} />
      {isAdmin && loaderData.memberLimitReached !== null ? (
        <MemberLimitNotice limit={loaderData.memberLimitReached} slug={workspace.slug} isOwner={workspace.role === "owner"} />
      ) : null}
      {isAdmin ? <InviteForm result={actionData?.intent === "invite" ? actionData : undefined} /> : null}
      {isAdmin ? <PendingInvitations invitations={loaderData.invitations} result={actionData?.intent === "revoke" ? actionData : undefined} /> : null}
      <MemberList members={loaderData.members} canManage={isAdmin} result={actionData} />
    </div>
  );
}
