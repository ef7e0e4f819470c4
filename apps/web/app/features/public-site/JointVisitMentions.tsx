import { formatDate, localizedName } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { useLocale } from "../../lib/locale";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";

/** What publicSite.jointVisits returns (the loader's JSON). */
type MentionableJointVisit = {
  hostTenantId: string;
  visitId: string;
  hostName: string;
  startsOn: string;
  mentioned: boolean;
  public: { place: { name: string; names: Record<string, string> | null } } | null;
};

/**
 * The joint visits this workspace took part in as a partner (docs/decisions/0257): the coordinator
 * chooses which to mention on the site; a mentioned visit shows only while its host publishes the report.
 */
export function JointVisitMentions({ visits }: { visits: MentionableJointVisit[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Visit days are calendar dates (UTC midnight): formatted in UTC, they stay the same day.
  const day = (date: string) => formatDate(locale, date, "medium", "UTC");
  return (
    <Card title={t("publicSite.jointVisits.title")} id="site-joint-visits">
      <p className="mb-4 text-sm text-slate-600">{t("publicSite.jointVisits.lead")}</p>
      {visits.length === 0 ? (
        <EmptyState title={t("publicSite.jointVisits.noneTitle")} body={t("publicSite.jointVisits.noneBody")} headingLevel={3} />
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={t("publicSite.jointVisits.title")}>
          {visits.map((visit) => {
            const name = visit.public
              ? t("publicSite.jointVisits.visitTo", { place: localizedName({ name: visit.public.place.name, nameTranslations: visit.public.place.names }, locale), host: visit.hostName })
              : t("publicSite.jointVisits.visitWith", { host: visit.hostName });
            const state = !visit.public ? t("publicSite.jointVisits.notPublished") : visit.mentioned ? t("publicSite.jointVisits.shown") : t("publicSite.jointVisits.notMentioned");
            return (
              <li key={`${visit.hostTenantId}/${visit.visitId}`} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <p className="font-medium">{name}</p>
                  <p className="text-sm text-slate-600">{`${day(visit.startsOn)} · ${state}`}</p>
                </div>
                <Form method="post">
                  <input type="hidden" name="hostTenantId" value={visit.hostTenantId} />
                  <input type="hidden" name="visitId" value={visit.visitId} />
                  {visit.mentioned ? (
                    <Button name="intent" value="unmentionJointVisit" variant="secondary">{t("publicSite.jointVisits.unmention")}<span className="sr-only">: {name}</span></Button>
                  ) : (
                    <Button name="intent" value="mentionJointVisit" variant="secondary">{t("publicSite.jointVisits.mention")}<span className="sr-only">: {name}</span></Button>
                  )}
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
