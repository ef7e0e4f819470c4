import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createSentReportFor } from "./recommendation-fixture";
import { newOwner, signUp } from "./support";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

test("the authority's response changes a recommendation's status, shows on the place's history, and a follow-up visit verifies the rest", async ({ page }) => {
  const owner = newOwner();
  await signUp(page, owner);
  const placeName = `Police Department ${owner.slug}`;
  await createSentReportFor(owner.slug, owner.email, placeName);

  // The list: three overdue recommendations; filtered by theme, two.
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Recommendations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Recommendations" })).toBeVisible();
  const table = page.getByRole("table", { name: "Recommendations, newest first" });
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByText("Overdue")).toHaveCount(3);
  await page.getByLabel("Theme").selectOption("safeguards");
  await page.getByLabel("Only overdue (no response by the due date)").check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/tag=safeguards/);
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("link", { name: /Renovate the detention premises/ })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // Open the first recommendation (from the unfiltered list) and record the department's answer with its letter.
  await page.getByRole("link", { name: "Clear filters" }).click();
  await table.getByRole("link", { name: /Renovate the detention premises/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Recommendation 1 — ${placeName}` })).toBeVisible();
  await expect(page.getByText("Nothing recorded yet")).toBeVisible();
  const form = page.getByRole("region", { name: "Record an update" });
  await form.getByLabel("Date").fill("2014-08-25");
  await form.getByLabel("Source").selectOption("authority_response");
  await form.getByLabel("Responding authority").selectOption({ label: `${placeName} (institution)` });
  await form.getByLabel("Status afterwards").selectOption("not_implemented");
  await form.getByLabel("What happened").fill("The premises were not renovated for lack of material resources.");
  await form.getByLabel("Document (optional)").setInputFiles({ name: "response-2014-08-25.pdf", mimeType: "application/pdf", buffer: PDF });
  await form.getByRole("button", { name: "Record update" }).click();
  await expect(page.getByRole("status")).toHaveText("Update recorded.");
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText("Response from the authority")).toBeVisible();
  await expect(timeline.getByText("Status afterwards: Not implemented")).toBeVisible();
  await expect(timeline.getByText(`From ${placeName} (institution)`)).toBeVisible();
  const letter = timeline.getByRole("link", { name: "Download response-2014-08-25.pdf" });
  const response = await page.request.get((await letter.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(Buffer.compare(await response.body(), PDF)).toBe(0);
  // Answered: no longer overdue.
  await expect(page.getByText("Overdue", { exact: true })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // The place's history shows the new status and the answer.
  await page.getByRole("link", { name: placeName, exact: true }).click();
  const history = page.getByRole("region", { name: "Recommendations over the years" });
  const renovate = history.getByRole("row").filter({ hasText: "Renovate the detention premises" });
  await expect(renovate.getByText("Not implemented")).toBeVisible();
  await expect(renovate.getByText(/The premises were not renovated/)).toBeVisible();
  await expect(history.getByRole("row")).toHaveCount(4);

  // A follow-up visit carries the open recommendations; the team verifies one on site.
  await renovate.getByRole("link").first().click();
  await page.getByRole("link", { name: /^Visit of/ }).first().click();
  await page.getByRole("link", { name: "Plan follow-up visit" }).click();
  await expect(page.getByText("Open recommendations carried to the follow-up visit: 3.")).toBeVisible();
  await page.getByLabel("First day").fill("2015-01-15");
  await page.getByLabel("Last day").fill("2015-01-15");
  await page.getByRole("button", { name: "Plan follow-up visit" }).click();
  const toVerify = page.getByRole("region", { name: "Recommendations to verify" });
  await expect(toVerify.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) })).toHaveCount(3);
  const first = toVerify.getByRole("listitem").filter({ hasText: "Renovate the detention premises" });
  await first.getByText("Record a verification of recommendation 1").click();
  await first.getByLabel("Status found").selectOption("implemented");
  await first.getByLabel("What the team saw").fill("Two new detention facilities, equipped to the standards.");
  await first.getByRole("button", { name: "Record verification" }).click();
  await expect(page.getByRole("status")).toHaveText("Verification recorded.");
  await expect(toVerify.getByRole("listitem").filter({ hasText: "Renovate the detention premises" }).getByText(/Verified on .*: Implemented/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
