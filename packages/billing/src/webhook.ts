import type Stripe from "stripe";
import { stripeClient } from "./client.ts";
import type { EnabledBillingConfig } from "./config.ts";

/** Signatures older than this are refused (Stripe's own default), so a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export class WebhookSignatureError extends Error {}

/**
 * Verifies Stripe's signature over the raw body, exactly as received: a parsed and re-serialised
 * body would not match. Refuses unsigned, tampered, foreign-secret and stale requests.
 */
export function verifyWebhook(config: EnabledBillingConfig, rawBody: string, signature: string | null): Stripe.Event {
  if (!config.webhookSecret) throw new WebhookSignatureError("STRIPE_WEBHOOK_SECRET is not set");
  if (!signature) throw new WebhookSignatureError("no Stripe-Signature header");
  try {
    return stripeClient(config).webhooks.constructEvent(rawBody, signature, config.webhookSecret, SIGNATURE_TOLERANCE_SECONDS);
  } catch (error) {
    throw new WebhookSignatureError(error instanceof Error ? error.message : "invalid signature");
  }
}

export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
] as const;

export type EventIds = { customerId: string; subscriptionId: string | null; paymentFailed: boolean };

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

/**
 * The only things taken from an event: which customer and which subscription it is about (and
 * whether it reports a failed payment). Everything else is read fresh from Stripe, because events
 * arrive late, twice and out of order. Null for events Vigil does not handle.
 */
export function idsFromEvent(event: Stripe.Event): EventIds | null {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      const customerId = idOf(session.customer);
      return customerId && session.mode === "subscription" ? { customerId, subscriptionId: idOf(session.subscription), paymentFailed: false } : null;
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const subscription = event.data.object;
      return { customerId: idOf(subscription.customer)!, subscriptionId: subscription.id, paymentFailed: false };
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const invoice = event.data.object;
      const customerId = idOf(invoice.customer);
      // Since API version 2025-03-31 the subscription sits under the invoice's parent.
      const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
      return customerId ? { customerId, subscriptionId, paymentFailed: event.type === "invoice.payment_failed" } : null;
    }
    default:
      return null;
  }
}

export type SubscriptionSnapshot = {
  id: string;
  customerId: string;
  status: string;
  priceId: string | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
};

/** The subscription as Stripe holds it now. The period end lives on the subscription's items in current API versions. */
export async function readSubscription(config: EnabledBillingConfig, subscriptionId: string): Promise<SubscriptionSnapshot> {
  const subscription = await stripeClient(config).subscriptions.retrieve(subscriptionId);
  const item = subscription.items.data[0];
  return {
    id: subscription.id,
    customerId: idOf(subscription.customer)!,
    status: subscription.status,
    priceId: item?.price.id ?? null,
    currentPeriodEnd: item?.current_period_end ? new Date(item.current_period_end * 1000) : null,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
  };
}
