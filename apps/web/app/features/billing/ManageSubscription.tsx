import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { useBusy } from "../../lib/form";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";

/** Payment method, billing details and cancelling live in Stripe's Customer Portal. */
export function ManageSubscription() {
  const { t } = useTranslation();
  const busy = useBusy("portal");
  return (
    <Card title={t("billing.manageTitle")} id="manage">
      <p className="mb-4 text-slate-700">{t("billing.manageBody")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="portal" />
        <Button variant="secondary" busy={busy} busyLabel={t("billing.redirecting")}>{t("billing.openPortal")}</Button>
      </Form>
    </Card>
  );
}
