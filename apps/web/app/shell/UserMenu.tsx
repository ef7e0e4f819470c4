import { ChevronDown, CircleUser, KeyRound, MonitorSmartphone, ShieldCheck, UserRound } from "lucide-react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { useUser } from "../lib/locale";
import { FOCUS_RING } from "../ui/Button";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { NavLinkItem } from "./NavLinkItem";
import { SignOutButton } from "./SignOutButton";
import { useDismissableDisclosure } from "../lib/use-dismissable-disclosure";

/**
 * The account menu: profile, two-factor sign-in, sessions, the language and signing out. A <details>
 * so that it opens without JavaScript; on a phone it drops down from the top bar, in the sidebar it
 * opens upwards from the bottom.
 */
export function UserMenu({ className }: { className: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const details = useRef<HTMLDetailsElement>(null);
  useDismissableDisclosure(details, { closeOnLeave: true, closeOnNavigation: true });
  return (
    <details ref={details} className={`relative ${className}`}>
      <summary
        className={`flex min-h-11 min-w-11 cursor-pointer list-none items-center justify-center gap-2 rounded-md px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 lg:justify-start [&::-webkit-details-marker]:hidden ${FOCUS_RING}`}
      >
        <CircleUser aria-hidden="true" className="size-6 shrink-0 text-teal-800" />
        <span className="sr-only">{t("nav.account")}</span>
        {user ? <bdi className="min-w-0 truncate max-lg:sr-only">{user.name}</bdi> : null}
        <ChevronDown aria-hidden="true" className="ml-auto hidden size-4 shrink-0 lg:block" />
      </summary>
      <div className="absolute right-0 top-full z-40 mt-1 w-72 max-w-[calc(100vw-1rem)] space-y-2 rounded-md border border-slate-200 bg-white p-2 shadow-lg lg:bottom-full lg:left-0 lg:right-auto lg:top-auto lg:mb-1 lg:mt-0">
        <nav aria-label={t("nav.account")}>
          <ul>
            <li>
              <NavLinkItem to="/profile" label={t("nav.profile")} icon={UserRound} />
            </li>
            <li>
              <NavLinkItem to="/account/two-factor" label={t("twoFactor.navLink")} icon={KeyRound} />
            </li>
            <li>
              <NavLinkItem to="/account/sessions" label={t("sessions.navLink")} icon={MonitorSmartphone} />
            </li>
            {/* Operators only (decision 0231); the console's procedures check again whoever opens it. */}
            {user?.platformOperator ? (
              <li>
                <NavLinkItem to="/platform" label={t("platform.navLink")} icon={ShieldCheck} />
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="border-t border-slate-200 px-1 pt-2">
          <LanguageSwitcher />
        </div>
        <div className="border-t border-slate-200 pt-2">
          <SignOutButton className="w-full justify-start" />
        </div>
      </div>
    </details>
  );
}
