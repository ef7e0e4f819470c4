export { loadBillingConfig, DEFAULT_GRACE_DAYS, type BillingConfig, type EnabledBillingConfig } from "./config.ts";
export { FEATURES, freePlan, loadPlans, planForPrice, type Feature, type Plan } from "./plans.ts";
export { stripeClient } from "./client.ts";
export { DAY_MS, entitlementsFor, memberLimitAllows, type Access, type Entitlements, type WorkspaceBillingState } from "./entitlements.ts";
export { createCheckoutSession, createCustomer, createPortalSession, listInvoices, type InvoiceSummary } from "./sessions.ts";
export { HANDLED_EVENTS, idsFromEvent, readSubscription, verifyWebhook, WebhookSignatureError, SIGNATURE_TOLERANCE_SECONDS, type EventIds, type SubscriptionSnapshot } from "./webhook.ts";
