import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { buttonClass } from "../components/Button";
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";
import { UpcomingVisits } from "../components/visits/UpcomingVisits";
import { loaderError, serverApi } from "../lib/api.server";
import { pageTitle } from "../lib/locale";
import { roleAtLeast, useWorkspace } from "../lib/workspace";
import type { Route } from "./+types/workspace-home";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "workspaceHome.metaTitle");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context);
  try {
    return { upcomingVisits: await api.caller.visits.upcoming({ tenantSlug: params.slug }) };
  } catch (error) {
    loaderError(error, request);
  }
}

export default function WorkspaceHome({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const isAdmin = roleAtLeast(workspace.role, "admin");
  return (
    <div className="space-y-6">
      <PageHeader title={workspace.name} lead={t("workspaceHome.lead", { role: t(`roles.${workspace.role}`) })} />
      <div className="grid gap-4 md:grid-cols-2">
        <UpcomingVisits visits={loaderData.upcomingVisits} />
        <EmptyState title={t("workspaceHome.placesTitle")} body={t("workspaceHome.placesBody")} />
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
