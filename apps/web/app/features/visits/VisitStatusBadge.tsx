import type { VisitStatus } from "@vigil/db";
import { useTranslation } from "react-i18next";

const COLOURS: Record<VisitStatus, string> = {
  planned: "bg-sky-50 text-sky-900 border-sky-200",
  in_progress: "bg-amber-50 text-amber-900 border-amber-200",
  report_drafting: "bg-violet-50 text-violet-900 border-violet-200",
  report_sent: "bg-teal-50 text-teal-900 border-teal-200",
  closed: "bg-slate-100 text-slate-800 border-slate-300",
  cancelled: "bg-red-50 text-red-900 border-red-200",
};

/** The status as text (colour only repeats it, it never carries meaning alone). */
export function VisitStatusBadge({ status }: { status: VisitStatus }) {
  const { t } = useTranslation();
  return <span className={`inline-block whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${COLOURS[status]}`}>{t(`visitStatus.${status}`)}</span>;
}
