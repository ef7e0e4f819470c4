import { handleStripeWebhook, logger } from "@vigil/api";
import type { Route } from "./+types/api.stripe.webhook";

/**
 * Stripe's webhook endpoint. The body is read as raw text because the signature covers the exact
 * bytes Stripe sent. The same-origin guard lets this one path through (server/same-origin.ts).
 */
export async function action({ request, context }: Route.ActionArgs) {
  if (request.method !== "POST") return new Response(null, { status: 405 });
  const rawBody = await request.text();
  const result = await handleStripeWebhook(rawBody, request.headers.get("stripe-signature"), logger.child({ requestId: context.requestId }));
  return new Response(result.body, { status: result.status, headers: { "content-type": "text/plain; charset=utf-8" } });
}
