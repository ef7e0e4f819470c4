import { formatDate, formatNumber } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../lib/locale";
import { Card } from "../../ui/Card";
import type { ServerOutputs } from "../../lib/api-types";
import { billingStatusLabel } from "./status-label";

type Overview = Extract<ServerOutputs["billing"]["overview"], { billingEnabled: true }>;

/** The current plan, its status, when it renews (or ends), and the members used against the limit. */
export function PlanSummary({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const status = billingStatusLabel(t, overview.status);
  const renewal = overview.currentPeriodEnd
    ? t(overview.cancelAtPeriodEnd || overview.status === "canceled" ? "billing.endsOn" : "billing.renewsOn", { date: formatDate(locale, overview.currentPeriodEnd, "long") })
    : t("billing.noRenewal");
  const seats = overview.memberLimit === null
    ? t("billing.seatsUnlimited", { used: formatNumber(locale, overview.seatsUsed) })
    : t("billing.seatsOfLimit", { used: formatNumber(locale, overview.seatsUsed), limit: formatNumber(locale, overview.memberLimit) });
  return (
    <Card title={t("billing.currentTitle")} id="current-plan">
      <dl className="grid gap-4 sm:grid-cols-2">
        <Item term={t("billing.plan")} value={overview.planName ?? "—"} />
        <Item term={t("billing.status")} value={status} />
        <Item term={t("billing.renewal")} value={renewal} />
        <Item term={t("billing.seats")} value={seats} />
      </dl>
      {overview.access === "readOnly" ? <p className="mt-4 text-sm font-medium text-red-800">{t("billing.readOnlyExplained")}</p> : null}
      {overview.access === "grace" && overview.graceEndsAt ? (
        <p className="mt-4 text-sm font-medium text-amber-900">{t("billing.graceExplained", { date: formatDate(locale, overview.graceEndsAt, "long") })}</p>
      ) : null}
    </Card>
  );
}

function Item({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="font-medium text-slate-900">{value}</dd>
    </div>
  );
}
