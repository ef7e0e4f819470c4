import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { newOwner, signUp, uniqueSuffix } from "./support";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
}

test("the account-security pages have no serious accessibility violations", async ({ page }) => {
  // Enrolment, as a new owner meets it (before signUp's helper completes it).
  await page.goto("/sign-up");
  const suffix = uniqueSuffix();
  await page.getByLabel("Full name").fill(`Axe ${suffix}`);
  await page.getByLabel("E-mail address").fill(`axe-${suffix}@e2e.example`);
  await page.getByLabel("Password", { exact: true }).fill(`amber-meadow-signal-${suffix}`);
  await page.getByLabel("Name of the institution").fill(`Axe mechanism ${suffix}`);
  await page.getByLabel("Workspace address").fill(`axe-${suffix}`);
  await page.getByLabel("Country code").fill("RS");
  await page.getByRole("button", { name: "Create account and workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Two-factor sign-in" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.context().clearCookies();
  const owner = newOwner();
  await signUp(page, owner);
  for (const [path, heading] of [
    [`/t/${owner.slug}/security`, "Workspace security"],
    [`/t/${owner.slug}/audit`, "Audit log"],
    ["/account/sessions", "Where you are signed in"],
    ["/account/two-factor", "Two-factor sign-in"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    expect(await seriousViolations(page), path).toEqual([]);
  }
  await page.context().clearCookies();
  for (const [path, heading] of [["/forgot-password", "Reset your password"], ["/reset-password/" + "a".repeat(48), "Choose a new password"]] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    expect(await seriousViolations(page), path).toEqual([]);
  }
});
