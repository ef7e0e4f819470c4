import {
  idsFromEvent, planForPrice, readSubscription, verifyWebhook, WebhookSignatureError,
  type EnabledBillingConfig, type SubscriptionSnapshot,
} from "@vigil/billing";
import type { Prisma } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import type Stripe from "stripe";
import { logger, type Logger } from "../core/logger.ts";
import { recordSystemAudit } from "../core/audit.ts";
import { billingConfig } from "../core/entitlements.ts";

type Tx = Prisma.TransactionClient;
type WebhookOutcome = "processed" | "duplicate" | "ignored" | "unknownCustomer" | "staleSubscription";

/**
 * Stripe's webhook, from the raw request body to an HTTP answer. A bad signature gets 400; a failure
 * while processing gets 500 so that Stripe retries (nothing of the event is kept, so the retry starts
 * afresh); everything else, including events Vigil ignores, gets 200.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null, log: Logger = logger): Promise<{ status: number; body: string }> {
  const config = billingConfig();
  if (!config.enabled) return { status: 404, body: "billing is off" };
  let event: Stripe.Event;
  try {
    event = verifyWebhook(config, rawBody, signature);
  } catch (error) {
    if (!(error instanceof WebhookSignatureError)) throw error;
    log.warn({ reason: error.message }, "refused a Stripe webhook");
    return { status: 400, body: "invalid signature" };
  }
  const eventLog = log.child({ stripeEventId: event.id, stripeEventType: event.type });
  try {
    const outcome = await processStripeEvent(config, event, eventLog);
    eventLog.info({ outcome }, "Stripe event handled");
    return { status: 200, body: outcome };
  } catch (error) {
    eventLog.error({ err: error }, "Stripe event failed; Stripe will retry");
    return { status: 500, body: "failed" };
  }
}

/**
 * One transaction per event: claim its id (a redelivery, even a concurrent one, finds it claimed and
 * stops), find the workspace by customer, read the subscription's current state from Stripe and
 * store it. Only ids are taken from the event, so late, repeated and reordered events all end in
 * Stripe's current state.
 */
async function processStripeEvent(config: EnabledBillingConfig, event: Stripe.Event, log: Logger): Promise<WebhookOutcome> {
  return privilegedDb().$transaction(
    async (tx) => {
      const claimed = await tx.$executeRaw`INSERT INTO stripe_events (id, type) VALUES (${event.id}, ${event.type}) ON CONFLICT (id) DO NOTHING`;
      if (claimed === 0) return "duplicate";
      const ids = idsFromEvent(event);
      if (!ids?.subscriptionId) return "ignored";
      const workspace = await findWorkspaceByStripeCustomer(tx, ids.customerId);
      if (!workspace) {
        log.warn({ customerId: ids.customerId }, "Stripe event for a customer no workspace has; acknowledged");
        return "unknownCustomer";
      }
      const subscription = await readSubscription(config, ids.subscriptionId);
      if (subscription.customerId !== ids.customerId) throw new Error("subscription belongs to another customer");
      return storeSubscription(tx, config, workspace, subscription, event, log);
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
}

/**
 * The webhook's one cross-tenant look-up: events carry no workspace, only Stripe's customer id,
 * which was stored when the workspace's owner first opened Checkout.
 */
function findWorkspaceByStripeCustomer(tx: Tx, customerId: string) {
  return tx.workspaceBilling.findUnique({
    where: { stripeCustomerId: customerId },
    select: { tenantId: true, stripeSubscriptionId: true, status: true, paymentFailedAt: true },
  });
}

const ENDED = new Set(["canceled", "incomplete_expired"]);
const PAYMENT_FAILED = new Set(["past_due", "unpaid"]);

type StoredBilling = NonNullable<Awaited<ReturnType<typeof findWorkspaceByStripeCustomer>>>;

async function storeSubscription(tx: Tx, config: EnabledBillingConfig, workspace: StoredBilling, subscription: SubscriptionSnapshot, event: Stripe.Event, log: Logger): Promise<WebhookOutcome> {
  // A late event about an old, ended subscription must not replace the workspace's current one.
  const replacesAnother = workspace.stripeSubscriptionId !== null && workspace.stripeSubscriptionId !== subscription.id;
  if (replacesAnother && ENDED.has(subscription.status)) return "staleSubscription";

  const plan = planForPrice(config.plans, subscription.priceId);
  if (!plan) log.warn({ priceId: subscription.priceId }, "subscription to a price no configured plan has");
  const paymentFailedAt = PAYMENT_FAILED.has(subscription.status) ? (workspace.paymentFailedAt ?? new Date()) : ENDED.has(subscription.status) ? workspace.paymentFailedAt : null;
  await tx.workspaceBilling.update({
    where: { tenantId: workspace.tenantId },
    data: {
      stripeSubscriptionId: subscription.id, planKey: plan?.key ?? null, status: subscription.status, currentPeriodEnd: subscription.currentPeriodEnd,
      cancelAtPeriodEnd: subscription.cancelAtPeriodEnd, paymentFailedAt, updatedAt: new Date(),
    },
  });
  if (workspace.status !== subscription.status || replacesAnother) {
    await recordSystemAudit(tx, workspace.tenantId, {
      action: "billing.subscriptionChanged", targetType: "workspace_billing", targetId: workspace.tenantId,
      details: { stripeEventId: event.id, stripeEventType: event.type, from: workspace.status, to: subscription.status, plan: plan?.key ?? null },
    });
  }
  return "processed";
}
