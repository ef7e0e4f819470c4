import { ChevronDown } from "lucide-react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FOCUS_RING } from "../ui/Button";
import { useDismissableDisclosure } from "../lib/use-dismissable-disclosure";

type Workspace = { slug: string; name: string };

/**
 * A disclosure listing the user's workspaces; works without JavaScript (<details>). With JavaScript
 * it closes on Escape (focus back on its toggle) and as soon as focus or a click leaves it, so its
 * panel never covers the navigation link that has focus.
 */
export function WorkspaceSwitcher({ current, workspaces, className }: { current: Workspace; workspaces: Workspace[]; className: string }) {
  const { t } = useTranslation();
  const details = useRef<HTMLDetailsElement>(null);
  useDismissableDisclosure(details, { closeOnLeave: true, closeOnNavigation: true });
  return (
    <details ref={details} className={`relative ${className}`}>
      <summary
        className={`flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 font-semibold text-teal-900 hover:bg-slate-100 [&::-webkit-details-marker]:hidden ${FOCUS_RING}`}
      >
        <bdi className="min-w-0 truncate">{current.name}</bdi>
        <span className="sr-only">{t("workspace.switch")}</span>
        <ChevronDown aria-hidden="true" className="size-4 shrink-0" />
      </summary>
      <nav aria-label={t("workspace.switch")} className="absolute left-0 z-40 mt-1 w-72 max-w-[calc(100vw-1rem)] rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <ul>
          {workspaces.map((workspace) => (
            <li key={workspace.slug}>
              <Link
                to={`/t/${workspace.slug}`}
                aria-current={workspace.slug === current.slug ? "page" : undefined}
                className={`flex min-h-11 items-center rounded px-3 py-2 text-sm hover:bg-slate-100 ${FOCUS_RING} ${workspace.slug === current.slug ? "font-semibold" : ""}`}
              >
                <bdi>{workspace.name}</bdi>
              </Link>
            </li>
          ))}
          <li className="border-t border-slate-100">
            <Link to="/workspaces" className={`flex min-h-11 items-center rounded px-3 py-2 text-sm text-teal-800 hover:bg-slate-100 ${FOCUS_RING}`}>
              {t("workspace.all")}
            </Link>
          </li>
        </ul>
      </nav>
    </details>
  );
}
