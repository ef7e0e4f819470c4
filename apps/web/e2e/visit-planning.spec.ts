import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createPlaceWithTemplate } from "./registry-fixtures";
import { newOwner, signUp, uniqueSuffix } from "./support";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}

function isoDay(offset: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

test("a monitor plans a night visit with a member and an external expert, then starts it", async ({ page }) => {
  const owner = newOwner();
  await signUp(page, owner);
  const placeName = `Police Department ${uniqueSuffix()}`;
  await createPlaceWithTemplate(owner.slug, placeName);

  // The empty home says what to do, and leads to planning.
  await expect(page.getByRole("heading", { name: "No visits planned" })).toBeVisible();
  await page.getByRole("link", { name: "Plan a visit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan a visit" })).toBeVisible();

  // Step 1: the place (it decides which templates fit).
  await page.getByLabel("Place", { exact: true }).selectOption({ label: `${placeName} (Police custody)` });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: `Visit to ${placeName}` })).toBeVisible();

  expect(await seriousViolations(page)).toEqual([]);

  // Step 2: the plan and the first team.
  await page.getByLabel("Type of visit").selectOption("ad_hoc");
  await page.getByLabel("First day").fill(isoDay(0));
  await page.getByLabel("Last day").fill(isoDay(1));
  await page.getByLabel("Night visit").check();
  await page.getByLabel("Objectives", { exact: true }).fill("Treatment of persons held overnight; custody records.");
  await page.getByLabel("Checklist template").selectOption({ label: "Police custody, version 1" });
  await page.getByLabel("Member of the workspace").selectOption({ label: `${owner.name} (${owner.email})` });
  await page.getByLabel("Their role on the visit").selectOption("lead");
  await page.getByLabel("External expert's name").fill("Dr Dragan Milić");
  await page.getByLabel("Expertise", { exact: true }).fill("Forensic medicine");
  await page.getByLabel("Expert's role on the visit").selectOption("doctor");
  await page.getByRole("button", { name: "Plan the visit" }).click();

  // The visit's page: plan, team, status with its next actions, and the working pages.
  await expect(page.getByRole("heading", { level: 1, name: `Visit to ${placeName}` })).toBeVisible();
  const plan = page.getByRole("region", { name: "Plan" });
  await expect(plan).toContainText("Ad hoc (reactive) visit");
  await expect(plan).toContainText("Unannounced");
  await expect(plan).toContainText("Night visit");
  await expect(plan).toContainText("Police custody, version 1");
  const team = page.getByRole("region", { name: "Team" });
  await expect(team.getByText(`${owner.name} · Team lead`)).toBeVisible();
  await expect(team.getByText("Dr Dragan Milić · Doctor")).toBeVisible();
  await expect(team.getByText("External expert · Forensic medicine")).toBeVisible();
  const work = page.getByRole("navigation", { name: "Work on this visit" });
  await expect(work.getByRole("link", { name: "Checklist" })).toHaveAttribute("href", /\/visits\/[0-9a-f-]{36}\/checklist$/);
  const status = page.getByRole("region", { name: "Status" });
  await expect(status.getByText("Planned", { exact: true })).toBeVisible();

  expect(await seriousViolations(page)).toEqual([]);

  await status.getByRole("button", { name: "Start the visit" }).click();
  await expect(status.getByRole("status")).toHaveText("Status changed to “In progress”.");
  await expect(status.getByRole("button", { name: "Start drafting the report" })).toBeVisible();
  await expect(status.getByRole("button", { name: "Cancel the visit" })).toBeVisible();
  await expect(status.getByRole("button", { name: "Start the visit" })).toHaveCount(0);

  // The list, filtered by status, and the calendar show it; so does the home page.
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Visits", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Visits" })).toBeVisible();
  await page.getByLabel("Status", { exact: true }).selectOption("in_progress");
  await page.getByRole("button", { name: "Show visits" }).click();
  await expect(page.getByRole("link", { name: placeName })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Status", { exact: true }).selectOption("closed");
  await page.getByRole("button", { name: "Show visits" }).click();
  await expect(page.getByRole("heading", { name: "No visit matches these filters" })).toBeVisible();

  await page.getByRole("link", { name: "Calendar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Visit calendar" })).toBeVisible();
  await expect(page.getByRole("link", { name: placeName }).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Home" }).click();
  await expect(page.getByRole("heading", { level: 1, name: owner.workspaceName })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Upcoming visits" })).toBeVisible();
  await expect(page.getByRole("link", { name: placeName })).toBeVisible();
});
