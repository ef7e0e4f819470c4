import { beforeAll, describe, expect, it } from "vitest";
import { handleStripeWebhook } from "./webhooks.ts";
import { callerFor, createTestUser, createTestWorkspace, unique } from "../testing/index.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";

useSmtpReceiver();
beforeAll(() => {
  delete process.env.STRIPE_SECRET_KEY;
});

describe("without STRIPE_SECRET_KEY billing is off", () => {
  it("every workspace has the whole product, with no member limit, and the billing page says billing is off", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const { caller } = await callerFor(owner);
    for (let i = 0; i < 7; i++) await caller.members.invite({ tenantSlug: workspace.slug, email: `${unique("seat")}@example.org`, role: "viewer" });
    expect(await caller.billing.overview({ tenantSlug: workspace.slug })).toMatchObject({ billingEnabled: false, access: "full", memberLimit: null, seatsUsed: 8 });
    await expect(caller.billing.startCheckout({ tenantSlug: workspace.slug, planKey: "standard" })).rejects.toThrow("billingErrors.billingOff");
  });

  it("the webhook endpoint has nothing to receive", async () => {
    expect(await handleStripeWebhook("{}", "t=1,v1=x")).toEqual({ status: 404, body: "billing is off" });
  });
});
