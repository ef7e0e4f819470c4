import { formatNumber } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { useBusy } from "../../lib/form";
import { useLocale } from "../../lib/locale";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import type { ServerOutputs } from "../../lib/api-types";

type OfferedPlan = Extract<ServerOutputs["billing"]["overview"], { billingEnabled: true }>["plans"][number];

/** The paid plans; choosing one opens Stripe Checkout. */
export function PlanChoices({ plans }: { plans: OfferedPlan[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useBusy("checkout");
  return (
    <Card title={t("billing.choosePlan")} id="plans">
      {plans.length === 0 ? <p className="text-slate-600">{t("billing.noPlans")}</p> : null}
      <ul className="grid gap-4 sm:grid-cols-2">
        {plans.map((plan) => (
          <li key={plan.key} className="rounded-md border border-slate-200 p-4">
            <h3 className="text-base font-semibold text-slate-900">{plan.name}</h3>
            <ul className="mt-2 space-y-1 text-sm text-slate-700">
              <li>{plan.limits.members === null ? t("billing.membersUnlimited") : t("billing.membersUpTo", { count: plan.limits.members })}</li>
              <li>{plan.limits.attachmentStorageMb === null ? t("billing.storageUnlimited") : t("billing.storageUpTo", { size: formatNumber(locale, Math.round(plan.limits.attachmentStorageMb / 1024)) })}</li>
              {plan.features.map((feature) => (
                <li key={feature}>{t(`billing.features.${feature}`)}</li>
              ))}
            </ul>
            <Form method="post" className="mt-4">
              <input type="hidden" name="intent" value="checkout" />
              <input type="hidden" name="planKey" value={plan.key} />
              <Button busy={busy} busyLabel={t("billing.redirecting")}>{t("billing.subscribeTo", { plan: plan.name })}</Button>
            </Form>
          </li>
        ))}
      </ul>
    </Card>
  );
}
