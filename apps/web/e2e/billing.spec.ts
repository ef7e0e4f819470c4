import { expect, test } from "@playwright/test";
import { fakeStripeURL } from "../playwright.config";
import { DEMO_PASSWORD, newOwner, signIn, signUp } from "./support";

test("an owner subscribes through Checkout; Stripe's signed webhook activates the plan", async ({ page }) => {
  const owner = newOwner();
  await signUp(page, owner);

  // Owners find billing in the workspace navigation; a new workspace is on the free plan.
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Billing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
  const currentPlan = page.getByRole("region", { name: "Current plan" });
  await expect(currentPlan).toContainText("Free");
  await expect(currentPlan).toContainText("No subscription");
  await expect(currentPlan).toContainText("1 of 5");

  // Checkout happens on Stripe's page (here the local fake), which delivers signed webhooks on payment.
  await page.getByRole("button", { name: "Subscribe to Standard" }).click();
  await expect(page).toHaveURL(new RegExp(`^${fakeStripeURL}/checkout/cs_test_`));
  await page.getByRole("button", { name: "Pay and subscribe" }).click();

  await expect(page).toHaveURL(new RegExp(`/t/${owner.slug}/billing\\?checkout=success$`));
  await expect(page.getByRole("status")).toHaveText("Thank you. The subscription is active.");
  await expect(currentPlan).toContainText("Standard");
  await expect(currentPlan).toContainText("Active");
  await expect(currentPlan).toContainText(/Renews on \d{1,2} \w+ \d{4}/);
  await expect(currentPlan).toContainText("1 of 30");
  await expect(page.getByRole("region", { name: "Invoices" }).getByRole("link", { name: /^View invoice FAKE-/ })).toBeVisible();

  // The Customer Portal opens for payment method and cancellation, and returns to the billing page.
  await page.getByRole("button", { name: "Manage payment and subscription" }).click();
  await expect(page).toHaveURL(new RegExp(`^${fakeStripeURL}/portal/`));
  await page.getByRole("link", { name: "Return to Vigil" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
});

test("the billing page and its link are for owners only", async ({ page }) => {
  await signIn(page, "marko.jovanovic@npm-serbia.example", DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto("/t/npm-serbia");
  // Marko reads Vigil in Serbian: find the links by their addresses.
  await expect(page.getByRole("banner").locator('a[href="/t/npm-serbia/members"]')).toBeVisible();
  await expect(page.locator('a[href="/t/npm-serbia/billing"]')).toHaveCount(0);
  const response = await page.goto("/t/npm-serbia/billing");
  expect(response?.status()).toBe(403);
});
