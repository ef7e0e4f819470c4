import { startFakeStripe } from "./fake-stripe.ts";

// Started by Playwright as a second web server: FAKE_STRIPE_PORT, and where to deliver signed webhooks.
const fake = await startFakeStripe({
  port: Number(process.env.FAKE_STRIPE_PORT ?? 12111),
  webhookUrl: process.env.FAKE_STRIPE_WEBHOOK_URL,
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
});
console.log(`fake Stripe listening on ${fake.url}`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
