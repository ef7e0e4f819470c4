import type { FakeCheckoutSession } from "./fake-stripe-state.ts";

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The fake's stand-in for Stripe's hosted Checkout page: one button that pays. */
export function checkoutPage(session: FakeCheckoutSession): string {
  return `<!doctype html><html lang="en"><head><title>Fake Stripe Checkout</title></head><body><main>
<h1>Fake Stripe Checkout</h1><p>Price: ${escape(session.priceId)}</p>
<form method="post" action="/checkout/${escape(session.id)}/complete"><button type="submit">Pay and subscribe</button></form>
<p><a href="${escape(session.cancel_url)}">Cancel</a></p></main></body></html>`;
}

/** The fake's stand-in for the Customer Portal. */
export function portalPage(returnUrl: string): string {
  return `<!doctype html><html lang="en"><head><title>Fake Stripe Customer Portal</title></head><body><main>
<h1>Fake Stripe Customer Portal</h1><p><a href="${escape(returnUrl)}">Return to Vigil</a></p></main></body></html>`;
}
