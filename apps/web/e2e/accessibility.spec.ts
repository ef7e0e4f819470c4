import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { newOwner, signUp } from "./support";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
}

test("the landing and sign-in pages have no serious accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the members page, as an owner, has no serious accessibility violations", async ({ page }) => {
  const owner = newOwner();
  await signUp(page, owner);
  await page.goto(`/t/${owner.slug}/members`);
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  // With a pending invitation and a failed invitation, so the list and the error states are checked too.
  await page.getByLabel("E-mail address").fill(`colleague-${owner.slug}@e2e.example`);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await page.getByLabel("E-mail address").fill(owner.email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the billing page, as an owner, has no serious accessibility violations", async ({ page }) => {
  const owner = newOwner();
  await signUp(page, owner);
  await page.goto(`/t/${owner.slug}/billing`);
  await expect(page.getByRole("heading", { level: 1, name: "Billing" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Subscribe to Standard" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
