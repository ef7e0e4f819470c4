import Stripe from "stripe";
import type { EnabledBillingConfig } from "./config.ts";

const clients = new Map<string, Stripe>();

/**
 * One Stripe SDK client per key and address. `STRIPE_API_BASE` points it at another server (host,
 * port, protocol): the local fake in tests and the end-to-end run.
 */
export function stripeClient(config: EnabledBillingConfig): Stripe {
  const cacheKey = `${config.secretKey}@${config.apiBase?.href ?? "stripe"}`;
  let client = clients.get(cacheKey);
  if (!client) {
    const base = config.apiBase;
    client = new Stripe(config.secretKey, {
      maxNetworkRetries: 1,
      timeout: 15_000,
      ...(base ? { host: base.hostname, port: Number(base.port || (base.protocol === "https:" ? 443 : 80)), protocol: base.protocol === "https:" ? "https" : "http" } : {}),
    });
    clients.set(cacheKey, client);
  }
  return client;
}
