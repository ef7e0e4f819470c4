import { randomBytes } from "node:crypto";

/** Stripe-shaped objects kept in memory by the fake (only the fields Vigil reads, in the current API's shape). */
export type FakeSubscription = {
  id: string;
  object: "subscription";
  customer: string;
  status: string;
  cancel_at_period_end: boolean;
  metadata: Record<string, string>;
  items: { object: "list"; data: { id: string; object: "subscription_item"; price: { id: string; object: "price" }; current_period_end: number; current_period_start: number }[] };
};

export type FakeCheckoutSession = {
  id: string;
  object: "checkout.session";
  mode: string;
  status: "open" | "complete";
  customer: string;
  subscription: string | null;
  client_reference_id: string | null;
  success_url: string;
  cancel_url: string;
  url: string;
  priceId: string;
};

export type FakeInvoice = {
  id: string;
  object: "invoice";
  customer: string;
  number: string;
  created: number;
  total: number;
  currency: string;
  status: string;
  hosted_invoice_url: string;
  invoice_pdf: string;
  parent: { type: "subscription_details"; subscription_details: { subscription: string } };
};

export function fakeId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString("hex")}`;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export function newSubscription(customer: string, priceId: string, status = "active", periodDays = 30): FakeSubscription {
  const start = nowSeconds();
  return {
    id: fakeId("sub"),
    object: "subscription",
    customer,
    status,
    cancel_at_period_end: false,
    metadata: {},
    items: { object: "list", data: [{ id: fakeId("si"), object: "subscription_item", price: { id: priceId, object: "price" }, current_period_start: start, current_period_end: start + periodDays * 86_400 }] },
  };
}

export function newInvoice(base: string, subscription: FakeSubscription, amountCents: number, status: string): FakeInvoice {
  const id = fakeId("in");
  return {
    id, object: "invoice", customer: subscription.customer, number: `FAKE-${id.slice(-6).toUpperCase()}`, created: nowSeconds(), total: amountCents,
    currency: "eur", status, hosted_invoice_url: `${base}/invoices/${id}`, invoice_pdf: `${base}/invoices/${id}.pdf`,
    parent: { type: "subscription_details", subscription_details: { subscription: subscription.id } },
  };
}

/** A Stripe event wrapping a copy of `object`, as Stripe would send it. */
export function eventOf(type: string, object: object) {
  return {
    id: fakeId("evt"), object: "event", api_version: "2026-10-28.endive", created: nowSeconds(), livemode: false, pending_webhooks: 1,
    request: { id: null, idempotency_key: null }, type, data: { object: structuredClone(object) },
  };
}
