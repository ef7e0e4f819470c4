import { useTranslation } from "react-i18next";
import { useWorkspace, roleAtLeast } from "../../lib/workspace";
import { NavLinkItem } from "../../shell/NavLinkItem";

/** The visit pages' own navigation: list, calendar, and planning for those who may plan. */
export function VisitTabs() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const base = `/t/${workspace.slug}/visits`;
  const mayPlan = roleAtLeast(workspace.role, "monitor");
  return (
    <nav aria-label={t("visits.sectionsLabel")} className="flex flex-wrap gap-1">
      <NavLinkItem to={base} label={t("visits.listTab")} end />
      <NavLinkItem to={`${base}/calendar`} label={t("visits.calendarTab")} />
      {mayPlan ? <NavLinkItem to={`${base}/new`} label={t("visits.planTab")} /> : null}
    </nav>
  );
}
