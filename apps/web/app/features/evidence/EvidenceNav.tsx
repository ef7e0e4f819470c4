import { useTranslation } from "react-i18next";
import { Link, NavLink } from "react-router";
import { FOCUS_RING } from "../../ui/Button";

/** Tabs between a visit's interviews and its findings, and the way back to the visit. */
export function EvidenceNav({ slug, visitId }: { slug: string; visitId: string }) {
  const { t } = useTranslation();
  const base = `/t/${slug}/visits/${visitId}`;
  const tab = ({ isActive }: { isActive: boolean }) =>
    `rounded-md px-3 py-2 text-sm font-medium ${FOCUS_RING} ${isActive ? "bg-teal-700 text-white" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <nav aria-label={t("evidenceNav.label")} className="mb-4 flex flex-wrap items-center gap-2">
      <Link to={base} className={`text-sm text-teal-800 underline ${FOCUS_RING}`}>
        {t("evidenceNav.backToVisit")}
      </Link>
      <NavLink to={`${base}/interviews`} className={tab}>
        {t("evidenceNav.interviews")}
      </NavLink>
      <NavLink to={`${base}/findings`} className={tab}>
        {t("evidenceNav.findings")}
      </NavLink>
    </nav>
  );
}
