import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useUser } from "../lib/locale";
import { FOCUS_RING } from "../ui/Button";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { NavLinkItem } from "./NavLinkItem";
import { SignOutButton } from "./SignOutButton";
import { SkipLink } from "./SkipLink";

/** The header of pages outside a workspace: brand, account links, language. */
export function SiteHeader() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <SkipLink />
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to="/" className={`rounded-md text-lg font-semibold text-teal-900 ${FOCUS_RING}`}>
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.account")} className="flex flex-wrap items-center gap-1">
          {user ? (
            <>
              <NavLinkItem to="/workspaces" label={t("nav.workspaces")} />
              <NavLinkItem to="/profile" label={t("nav.profile")} />
              <SignOutButton />
            </>
          ) : (
            <>
              <NavLinkItem to="/sign-in" label={t("nav.signIn")} />
              <NavLinkItem to="/sign-up" label={t("nav.signUp")} />
            </>
          )}
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
