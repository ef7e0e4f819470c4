import { useTranslation } from "react-i18next";
import { FormSuccess } from "../../ui/FormMessage";

/** Back from Stripe Checkout. The webhook, not this redirect, activates the plan; it may still be on its way. */
export function CheckoutReturn({ outcome, active }: { outcome: "success" | "cancelled"; active: boolean }) {
  const { t } = useTranslation();
  if (outcome === "cancelled") return <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">{t("billing.checkoutCancelled")}</p>;
  return <FormSuccess message={active ? t("billing.checkoutDone") : t("billing.checkoutPending")} />;
}
