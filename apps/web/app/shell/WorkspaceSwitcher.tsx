import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FOCUS_RING } from "../ui/Button";

type Workspace = { slug: string; name: string };

/** A disclosure listing the user's workspaces; works without JavaScript (<details>). */
export function WorkspaceSwitcher({ current, workspaces }: { current: Workspace; workspaces: Workspace[] }) {
  const { t } = useTranslation();
  return (
    <details className="relative">
      <summary className={`cursor-pointer list-none rounded-md px-2 py-1 text-lg font-semibold text-teal-900 hover:bg-slate-100 ${FOCUS_RING}`}>
        {current.name}
        <span className="sr-only">{t("workspace.switch")}</span>
        <svg aria-hidden="true" viewBox="0 0 10 6" className="ml-2 inline h-2 w-3 fill-current">
          <path d="M0 0h10L5 6z" />
        </svg>
      </summary>
      <nav aria-label={t("workspace.switch")} className="absolute left-0 z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <ul>
          {workspaces.map((workspace) => (
            <li key={workspace.slug}>
              <Link
                to={`/t/${workspace.slug}`}
                aria-current={workspace.slug === current.slug ? "page" : undefined}
                className={`block rounded px-3 py-2 text-sm hover:bg-slate-100 ${FOCUS_RING} ${workspace.slug === current.slug ? "font-semibold" : ""}`}
              >
                {workspace.name}
              </Link>
            </li>
          ))}
          <li className="border-t border-slate-100">
            <Link to="/workspaces" className={`block rounded px-3 py-2 text-sm text-teal-800 hover:bg-slate-100 ${FOCUS_RING}`}>
              {t("workspace.all")}
            </Link>
          </li>
        </ul>
      </nav>
    </details>
  );
}
