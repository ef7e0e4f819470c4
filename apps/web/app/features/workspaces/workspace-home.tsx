import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import { buttonClass } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { FOLLOW_UPS_SHOWN, ReprisalFollowUps } from "../evidence/ReprisalFollowUps";
import { FormError } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { UpcomingVisits } from "../visits/UpcomingVisits";
import { GettingStarted } from "./GettingStarted";
import { formFields, loaderError, runAction, serverApi } from "../../lib/api.server";
import { pageTitle } from "../../lib/locale";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/workspace-home";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "workspaceHome.metaTitle");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    // Follow-ups: only the interviews the person needs to know about (their visits' teams, or all for owners and admins).
    // The getting-started list is for those who set the workspace up, once the layout's read of the role
    // is in; the page's transaction opens at once beside the layout's, not after it (issue 15).
    // One read transaction for all (decision 0178).
    const [upcomingVisits, followUps, gettingStarted] = await api.inWorkspace(params.slug, (caller) =>
      Promise.all([
        caller.visits.upcoming({ tenantSlug: params.slug }),
        caller.interviews.followUpsDue({ tenantSlug: params.slug, limit: FOLLOW_UPS_SHOWN + 1 }),
        api.workspace(params.slug).then(({ role }) => (roleAtLeast(role, "coordinator") ? caller.workspaces.gettingStarted({ tenantSlug: params.slug }) : null)),
      ]),
    );
    return { upcomingVisits, followUps, gettingStarted, today: new Date().toISOString().slice(0, 10) };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const { interviewId } = await formFields(request, ["interviewId"]);
  const result = await runAction(api, () => api.caller.interviews.checkFollowUp({ tenantSlug: params.slug, interviewId }));
  return data(result.ok ? { ok: true as const } : result, { status: result.ok ? 200 : 400 });
}

export default function WorkspaceHome({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const isAdmin = roleAtLeast(workspace.role, "admin");
  return (
    <div className="space-y-6">
      <PageHeader title={workspace.name} lead={t("workspaceHome.lead", { role: t(`roles.${workspace.role}`) })} />
      <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
      {loaderData.gettingStarted ? <GettingStarted slug={workspace.slug} progress={loaderData.gettingStarted} /> : null}
      <ReprisalFollowUps slug={workspace.slug} followUps={loaderData.followUps} today={loaderData.today} canCheck={roleAtLeast(workspace.role, "monitor")} />
      <div className="grid gap-4 md:grid-cols-2">
        <UpcomingVisits visits={loaderData.upcomingVisits} />
        {isAdmin ? (
          <EmptyState
            title={t("workspaceHome.teamTitle")}
            body={t("workspaceHome.teamBody")}
            action={
              <Link to={`/t/${workspace.slug}/members`} className={buttonClass("primary")}>
                {t("workspaceHome.teamAction")}
              </Link>
            }
          />
        ) : (
          <EmptyState
            title={t("workspaceHome.colleaguesTitle")}
            body={t("workspaceHome.colleaguesBody")}
            action={
              <Link to={`/t/${workspace.slug}/members`} className={buttonClass("secondary")}>
                {t("workspaceHome.colleaguesAction")}
              </Link>
            }
          />
        )}
      </div>
    </div>
  );
}
