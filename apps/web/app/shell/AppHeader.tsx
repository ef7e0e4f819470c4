import { Menu, X } from "lucide-react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { FOCUS_RING } from "../ui/Button";
import { SkipLink } from "./SkipLink";
import { UserMenu } from "./UserMenu";
import { useDismissableDisclosure } from "../lib/use-dismissable-disclosure";
import { WorkspaceNav } from "./WorkspaceNav";
import { WorkspaceSwitcher } from "./WorkspaceSwitcher";

type Workspace = { slug: string; name: string; role?: string };

/**
 * The app shell's banner (decision 0185): on a phone a 60-px top bar (workspace switcher, menu
 * button, account menu) whose menu opens the navigation below it; from `lg` up a sidebar with the
 * navigation always shown. One navigation is rendered: the menu button is a <details> placed just
 * before it, and CSS (`peer-open`) shows the navigation while that disclosure is open, so the menu
 * works without JavaScript.
 */
export function AppHeader({ workspace, workspaces }: { workspace: Workspace; workspaces: Workspace[] }) {
  const { t } = useTranslation();
  const menu = useRef<HTMLDetailsElement>(null);
  const menuArea = useRef<HTMLDivElement>(null);
  useDismissableDisclosure(menu, { area: menuArea, closeOnLeave: true, closeOnNavigation: true });
  return (
    <header className="relative z-20 flex flex-wrap items-center gap-1 border-b border-slate-200 bg-white px-2 py-2 lg:sticky lg:top-0 lg:h-screen lg:w-64 lg:shrink-0 lg:flex-col lg:flex-nowrap lg:items-stretch lg:gap-4 lg:overflow-y-auto lg:border-b-0 lg:border-r lg:px-3 lg:py-4">
      <SkipLink />
      <WorkspaceSwitcher current={workspace} workspaces={workspaces} className="min-w-0 flex-1 lg:flex-none" />
      {/* `contents`: the toggle and the navigation stay flex items of the bar, and siblings for `peer`. */}
      <div ref={menuArea} className="contents">
        <details ref={menu} className="group peer lg:hidden">
          <summary
            className={`flex size-11 cursor-pointer list-none items-center justify-center rounded-md text-slate-800 hover:bg-slate-100 [&::-webkit-details-marker]:hidden ${FOCUS_RING}`}
          >
            <Menu aria-hidden="true" className="size-6 group-open:hidden" />
            <X aria-hidden="true" className="hidden size-6 group-open:block" />
            <span className="sr-only">{t("nav.menu")}</span>
          </summary>
        </details>
        {/* Last in the bar on a phone (below the row), in the document order in the sidebar. */}
        <WorkspaceNav
          slug={workspace.slug}
          role={workspace.role}
          className="order-last hidden basis-full border-t border-slate-200 pb-1 pt-3 peer-open:block lg:order-none lg:block lg:border-t-0 lg:p-0"
        />
      </div>
      <UserMenu className="lg:mt-auto" />
    </header>
  );
}
