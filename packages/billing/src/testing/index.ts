export { startFakeStripe, type FakeStripe, type FakeStripeOptions, type RecordedRequest } from "./fake-stripe.ts";
export { eventOf, newInvoice, newSubscription } from "./fake-stripe-state.ts";
