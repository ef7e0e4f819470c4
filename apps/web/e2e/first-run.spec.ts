import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { newOwner, signUp } from "./support";

/**
 * A new workspace's first run (issue 16 §2, docs/decisions/0191): the address made from a long name
 * ends on a whole word and shows before creation; the home lists the first steps with progress;
 * empty lists say what to do next; a step ticks itself once done.
 */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}

test("sign up, see the steps to take, and watch one tick itself", async ({ page }) => {
  // The address follows the name as it is typed, cut at a word boundary, and can still be changed.
  await page.goto("/sign-up");
  await page.getByLabel("Name of the institution").fill("Protector of Human Rights and Freedoms of Montenegro");
  await expect(page.getByLabel("Workspace address")).toHaveValue("protector-of-human-rights-and-freedoms");
  await expect(page.getByText("/t/protector-of-human-rights-and-freedoms", { exact: false })).toBeVisible();

  const owner = newOwner();
  await signUp(page, owner);
  const steps = page.getByRole("region", { name: "Getting started" });
  await expect(steps.getByText("0 of 5 steps done")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await expect(steps.getByRole("link")).toHaveText([
    "Add the places of detention", "Add the authorities", "Take a checklist from the Library", "Invite your colleagues", "Plan the first visit",
  ]);

  // Empty lists say what to do next, and tell "nothing yet" from "nothing matches".
  await page.goto(`/t/${owner.slug}/places?q=nowhere`);
  await expect(page.getByRole("heading", { name: "No places match these filters" })).toBeVisible();
  await page.goto(`/t/${owner.slug}/places`);
  await expect(page.getByRole("heading", { name: "No places yet" })).toBeVisible();
  await page.goto(`/t/${owner.slug}/templates`);
  await expect(page.getByRole("link", { name: "Open the Library" })).toBeVisible();
  await page.goto(`/t/${owner.slug}/visits`);
  // The empty list offers planning, besides the page's own tab.
  await expect(page.getByRole("heading", { name: "No visits yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Plan a visit" })).toHaveCount(2);

  // The first step, from the home's link: once a place exists, it is ticked.
  await page.goto(`/t/${owner.slug}`);
  await steps.getByRole("link", { name: "Add the places of detention" }).click();
  await expect(page).toHaveURL(new RegExp(`/t/${owner.slug}/places/new$`));
  await page.getByLabel("Name", { exact: true }).fill(`Police Station ${owner.slug}`);
  await page.getByRole("button", { name: "Register place" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Police Station ${owner.slug}` })).toBeVisible();
  await page.goto(`/t/${owner.slug}`);
  await expect(steps.getByText("1 of 5 steps done")).toBeVisible();
  await expect(steps.getByRole("listitem").filter({ hasText: "Add the places of detention" })).toHaveAttribute("data-done", "true");
  await expect(steps.getByRole("listitem").filter({ hasText: "Plan the first visit" })).toHaveAttribute("data-done", "false");
});
