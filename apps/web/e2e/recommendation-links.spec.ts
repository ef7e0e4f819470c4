import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createSentReportFor } from "./recommendation-fixture";
import { newOwner, signUp } from "./support";

/**
 * Following a recommendation (issue 16 §3): on the sent report each recommendation links to its
 * timeline; the place's page gathers its recommendations under their visit, and the one-day visit
 * shows one date.
 */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}

test("a sent report's recommendations lead to their timelines, and the place groups them by visit", async ({ page }) => {
  const owner = newOwner();
  await signUp(page, owner);
  const placeName = `Police Department ${owner.slug}`;
  const sent = await createSentReportFor(owner.slug, owner.email, placeName);

  await page.goto(`/t/${owner.slug}/visits/${sent.visitId}/report`);
  const follow = page.getByRole("link", { name: /^Follow this recommendation/ });
  await expect(follow).toHaveCount(3);
  await page.getByRole("link", { name: "Follow this recommendation Recommendation 2" }).click();
  await expect(page).toHaveURL(new RegExp(`/recommendations/${sent.recommendations[1]}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Recommendation 2 — ${placeName}` })).toBeVisible();

  await page.goto(`/t/${owner.slug}/places/${sent.placeId}`);
  const heading = "Visit of 12 Jun 2014 · Ad hoc (reactive) visit · Report sent";
  await expect(page.getByRole("heading", { level: 3, name: heading })).toBeVisible();
  const table = page.getByRole("table", { name: `Recommendations of the visit: ${heading}` });
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByRole("cell").first()).toHaveText("1");
  expect(await seriousViolations(page)).toEqual([]);
  // One day, one date: no "12 Jun 2014 – 12 Jun 2014" among the place's visits.
  await expect(page.getByRole("region", { name: "Visits" }).getByRole("link", { name: /12 Jun 2014/ })).toHaveText("12 Jun 2014");
});
