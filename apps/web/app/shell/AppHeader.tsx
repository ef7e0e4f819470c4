import { useTranslation } from "react-i18next";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { NavLinkItem } from "./NavLinkItem";
import { SignOutButton } from "./SignOutButton";
import { SkipLink } from "./SkipLink";
import { WorkspaceSwitcher } from "./WorkspaceSwitcher";

type Workspace = { slug: string; name: string; role?: string };

/** The header inside a workspace: switcher, workspace navigation, language, account. */
export function AppHeader({ workspace, workspaces }: { workspace: Workspace & { role?: string }; workspaces: Workspace[] }) {
  const { t } = useTranslation();
  const base = `/t/${workspace.slug}`;
  return (
    <header className="border-b border-slate-200 bg-white">
      <SkipLink />
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
        <nav aria-label={t("nav.workspace")} className="order-last flex w-full flex-wrap gap-1 sm:order-none sm:w-auto">
          <NavLinkItem to={base} label={t("nav.home")} end />
          <NavLinkItem to={`${base}/visits`} label={t("visits.nav")} />
          <NavLinkItem to={`${base}/joint-visits`} label={t("joint.nav")} />
          <NavLinkItem to={`${base}/places`} label={t("places.nav")} />
          <NavLinkItem to={`${base}/recommendations`} label={t("recommendations.nav")} />
          <NavLinkItem to={`${base}/authorities`} label={t("authorities.nav")} />
          <NavLinkItem to={`${base}/templates`} label={t("templates.nav")} />
          <NavLinkItem to={`${base}/members`} label={t("nav.members")} />
          {workspace.role === "owner" ? <NavLinkItem to={`${base}/billing`} label={t("billing.nav")} /> : null}
          <NavLinkItem to={`${base}/security`} label={t("security.navLink")} />
          {workspace.role === "owner" || workspace.role === "admin" ? <NavLinkItem to={`${base}/audit`} label={t("auditLog.navLink")} /> : null}
          <NavLinkItem to={`${base}/dashboard`} label={t("dashboard.nav")} />
          <NavLinkItem to={`${base}/library`} label={t("library.nav")} />
          <NavLinkItem to={`${base}/forums`} label={t("forums.nav")} />
        </nav>
        <div className="flex flex-wrap items-center gap-2">
          <LanguageSwitcher />
          <nav aria-label={t("nav.account")} className="flex items-center gap-1">
            <NavLinkItem to="/profile" label={t("nav.profile")} />
            <NavLinkItem to="/account/two-factor" label={t("twoFactor.navLink")} />
            <NavLinkItem to="/account/sessions" label={t("sessions.navLink")} />
            <SignOutButton />
          </nav>
        </div>
      </div>
    </header>
  );
}
