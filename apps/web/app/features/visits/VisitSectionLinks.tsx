import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { buttonClass } from "../../ui/Button";

/** The visit's working pages (checklist, interviews, findings, report), built on the visit's own page. */
export function VisitSectionLinks({ base }: { base: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("visitDetail.sectionsLabel")} className="flex flex-wrap gap-2">
      <Link to={`${base}/checklist`} className={buttonClass("secondary")}>{t("visitDetail.checklist")}</Link>
      <Link to={`${base}/interviews`} className={buttonClass("secondary")}>{t("visitDetail.interviews")}</Link>
      <Link to={`${base}/findings`} className={buttonClass("secondary")}>{t("visitDetail.findings")}</Link>
      <Link to={`${base}/report`} className={buttonClass("secondary")}>{t("report.visitLink")}</Link>
      <Link to={`${base}/partners`} className={buttonClass("secondary")}>{t("joint.partners.link")}</Link>
    </nav>
  );
}
