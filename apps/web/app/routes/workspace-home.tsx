import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { buttonClass } from "../components/Button";
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";
import { pageTitle } from "../lib/locale";
import { roleAtLeast, useWorkspace } from "../lib/workspace";
import type { Route } from "./+types/workspace-home";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "workspaceHome.metaTitle");

export default function WorkspaceHome() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const isAdmin = roleAtLeast(workspace.role, "admin");
  return (
    <div className="space-y-6">
      <PageHeader title={workspace.name} lead={t("workspaceHome.lead", { role: t(`roles.${workspace.role}`) })} />
      <div className="grid gap-4 md:grid-cols-2">
        <EmptyState title={t("workspaceHome.placesTitle")} body={t("workspaceHome.placesBody")} />
        <EmptyState title={t("workspaceHome.visitsTitle")} body={t("workspaceHome.visitsBody")} />
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
