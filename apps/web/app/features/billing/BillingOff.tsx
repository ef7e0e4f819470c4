import { useTranslation } from "react-i18next";
import { Card } from "../../ui/Card";

/** Without STRIPE_SECRET_KEY there is no billing: every workspace has the whole product. */
export function BillingOff() {
  const { t } = useTranslation();
  return (
    <Card title={t("billing.offTitle")} id="billing-off">
      <p className="text-slate-700">{t("billing.offBody")}</p>
    </Card>
  );
}
