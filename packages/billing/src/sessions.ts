import { stripeClient } from "./client.ts";
import type { EnabledBillingConfig } from "./config.ts";
import type { Plan } from "./plans.ts";

export type CustomerFor = { tenantId: string; workspaceName: string; email: string };

/** A Stripe customer for the workspace; its metadata names the workspace, for people reading Stripe's dashboard. */
export async function createCustomer(config: EnabledBillingConfig, workspace: CustomerFor): Promise<string> {
  const customer = await stripeClient(config).customers.create({
    name: workspace.workspaceName,
    email: workspace.email,
    metadata: { tenantId: workspace.tenantId },
  });
  return customer.id;
}

/** A hosted Checkout page for a subscription to `plan`; the caller redirects the owner to its URL. */
export async function createCheckoutSession(
  config: EnabledBillingConfig,
  options: { customerId: string; tenantId: string; plan: Plan; successUrl: string; cancelUrl: string; locale: string },
): Promise<string> {
  if (!options.plan.priceId) throw new Error(`plan ${options.plan.key} has no price`);
  const session = await stripeClient(config).checkout.sessions.create({
    mode: "subscription",
    customer: options.customerId,
    client_reference_id: options.tenantId,
    line_items: [{ price: options.plan.priceId, quantity: 1 }],
    subscription_data: { metadata: { tenantId: options.tenantId } },
    success_url: options.successUrl,
    cancel_url: options.cancelUrl,
    locale: checkoutLocale(options.locale),
  });
  if (!session.url) throw new Error("Stripe returned a Checkout session without a URL");
  return session.url;
}

/** The Customer Portal, where owners change the payment method, see invoices and cancel. */
export async function createPortalSession(config: EnabledBillingConfig, options: { customerId: string; returnUrl: string; locale: string }): Promise<string> {
  const session = await stripeClient(config).billingPortal.sessions.create({
    customer: options.customerId,
    return_url: options.returnUrl,
    locale: checkoutLocale(options.locale),
  });
  return session.url;
}

// Stripe's hosted pages do not offer every language Vigil speaks (nor both Serbian scripts): "auto" follows the browser.
function checkoutLocale(locale: string): "en" | "auto" {
  return locale === "en" ? "en" : "auto";
}

export type InvoiceSummary = { id: string; number: string | null; createdAt: Date; amountCents: number; currency: string; status: string | null; url: string | null; pdfUrl: string | null };

/** The workspace's latest invoices, read live from Stripe (Vigil keeps no copy). */
export async function listInvoices(config: EnabledBillingConfig, customerId: string, limit = 12): Promise<InvoiceSummary[]> {
  const invoices = await stripeClient(config).invoices.list({ customer: customerId, limit });
  return invoices.data.map((invoice) => ({
    id: invoice.id ?? "",
    number: invoice.number,
    createdAt: new Date(invoice.created * 1000),
    amountCents: invoice.total,
    currency: invoice.currency,
    status: invoice.status,
    url: invoice.hosted_invoice_url ?? null,
    pdfUrl: invoice.invoice_pdf ?? null,
  }));
}
