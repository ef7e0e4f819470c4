import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ServerOutputs } from "../../lib/api-types";
import { FOCUS_RING } from "../../ui/Button";
import { Card } from "../../ui/Card";

type Progress = ServerOutputs["workspaces"]["gettingStarted"];
type Step = Progress["steps"][number]["step"];

/** Where each step is done: taking a checklist starts in the Library (importing one is on the templates page). */
const STEP_PATHS: Record<Step, string> = {
  places: "places/new",
  authorities: "authorities",
  checklist: "library",
  members: "members",
  visit: "visits/new",
};

/**
 * A new workspace's first steps, each ticked from its data (workspaces.gettingStarted), with
 * progress; gone once every step is done. A plain list of links: it needs no JavaScript.
 */
export function GettingStarted({ slug, progress }: { slug: string; progress: Progress }) {
  const { t } = useTranslation();
  if (progress.done === progress.total) return null;
  return (
    <Card title={t("gettingStarted.title")} id="getting-started">
      <p className="text-slate-700">{t("gettingStarted.lead")}</p>
      <p id="getting-started-progress" className="mt-3 text-sm font-medium text-slate-800">
        {t("gettingStarted.progress", { done: progress.done, total: progress.total })}
      </p>
      <progress className="mt-1 h-2 w-full accent-teal-700" max={progress.total} value={progress.done} aria-labelledby="getting-started-progress" />
      <ol className="mt-4 space-y-2">
        {progress.steps.map(({ step, done }) => (
          <li key={step} data-step={step} data-done={done} className="flex items-start gap-3">
            <span aria-hidden="true" className={`mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full border ${done ? "border-teal-700 bg-teal-700 text-white" : "border-slate-400 text-transparent"}`}>
              <svg viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round">
                <path d="M3 8.5l3.5 3.5L13 5" />
              </svg>
            </span>
            <span className="min-w-0">
              <Link to={`/t/${slug}/${STEP_PATHS[step]}`} className={`font-medium text-teal-800 underline ${done ? "decoration-slate-400" : ""} ${FOCUS_RING}`}>
                {t(`gettingStarted.steps.${step}.action`)}
              </Link>
              <span className="sr-only"> ({t(done ? "gettingStarted.done" : "gettingStarted.toDo")})</span>
              <span className="block text-sm text-slate-600">{t(`gettingStarted.steps.${step}.body`)}</span>
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
