import { useTranslation } from "react-i18next";
import { data, redirect } from "react-router";
import { BillingOff } from "./BillingOff";
import { CheckoutReturn } from "./CheckoutReturn";
import { InvoiceList } from "./InvoiceList";
import { ManageSubscription } from "./ManageSubscription";
import { PlanChoices } from "./PlanChoices";
import { PlanSummary } from "./PlanSummary";
import { FormError } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { formFields, loaderError, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { pageTitle } from "../../lib/locale";
import type { Route } from "./+types/billing";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "billing.title");

/** Owners only: others get 403 from the procedure. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    const overview = await api.caller.billing.overview({ tenantSlug: params.slug });
    const returned = new URL(request.url).searchParams.get("checkout");
    const checkout: "success" | "cancelled" | null = returned === "success" || returned === "cancelled" ? returned : null;
    return { overview, checkout };
  } catch (error) {
    loaderError(error, request);
  }
}

/** Both actions end on Stripe's hosted pages (Checkout or the Customer Portal). */
export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const tenantSlug = params.slug;
  const fields = await formFields(request, ["intent", "planKey"] as const);
  const { planKey } = fields;
  const respond = async (intent: "checkout" | "portal", work: () => Promise<{ url: string }>) => {
    const result = await runAction(api, work);
    if (result.ok) throw redirect(result.result.url);
    return data({ ...result, intent }, { status: 400 });
  };
  return dispatchIntent(fields.intent, {
    checkout: (intent) => respond(intent, () => api.caller.billing.startCheckout({ tenantSlug, planKey })),
    portal: (intent) => respond(intent, () => api.caller.billing.openPortal({ tenantSlug })),
  });
}

export default function Billing({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { overview, checkout } = loaderData;
  return (
    <div className="space-y-6">
      <PageHeader title={t("billing.title")} lead={t("billing.lead")} />
      {actionData && !actionData.ok ? <FormError message={actionData.message} /> : null}
      {!overview.billingEnabled ? (
        <BillingOff />
      ) : (
        <>
          {checkout ? <CheckoutReturn outcome={checkout} active={overview.status === "active" || overview.status === "trialing"} /> : null}
          <PlanSummary overview={overview} />
          {overview.hasCustomer && overview.status && overview.status !== "incomplete" ? <ManageSubscription /> : null}
          {overview.status === "active" || overview.status === "trialing" ? null : <PlanChoices plans={overview.plans} />}
          {overview.hasCustomer ? <InvoiceList invoices={overview.invoices} /> : null}
        </>
      )}
    </div>
  );
}
