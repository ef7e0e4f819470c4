import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import { buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { VisitTable, type VisitRow } from "./VisitTable";

/** The workspace home's visits panel: the next five, or how to plan the first one. */
export function UpcomingVisits({ visits }: { visits: VisitRow[] }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const base = `/t/${workspace.slug}/visits`;
  const planLink = roleAtLeast(workspace.role, "monitor") ? (
    <Link to={`${base}/new`} className={buttonClass("primary")}>{t("visitsHome.plan")}</Link>
  ) : undefined;
  if (visits.length === 0) return <EmptyState title={t("visitsHome.emptyTitle")} body={t("visitsHome.emptyBody")} action={planLink} />;
  // The table needs the width of the whole grid row; min-w-0 lets it scroll inside on a phone
  // instead of widening the page.
  return (
    <div className="min-w-0 md:col-span-2">
      <Card title={t("visitsHome.title")} id="upcoming-visits">
        <VisitTable visits={visits} caption={t("visitsHome.title")} />
        <div className="mt-4 flex flex-wrap gap-2">
          {planLink}
          <Link to={base} className={buttonClass("secondary")}>{t("visitsHome.all")}</Link>
        </div>
      </Card>
    </div>
  );
}
