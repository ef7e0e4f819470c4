import type { VisitStatus } from "@vigil/db";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { buttonClass } from "../../ui/Button";

/** "Plan follow-up visit": a link to its own form page, so it works without JavaScript. */
export function FollowUpVisitLink({ base, visitId, status, canPlan }: { base: string; visitId: string; status: VisitStatus; canPlan: boolean }) {
  const { t } = useTranslation();
  if (!canPlan || status === "cancelled") return null;
  return (
    <p>
      <Link to={`${base}/${visitId}/follow-up/new`} className={buttonClass("secondary")}>{t("followUpVisits.planLink")}</Link>
    </p>
  );
}
