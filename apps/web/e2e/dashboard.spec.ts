import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { answerRecommendation, createSentReport } from "./dashboard-fixture";
import { createPlaceWithTemplate } from "./registry-fixtures";
import { newOwner, signUp, uniqueSuffix } from "./support";

function isoDay(offset: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"]`);
const row = (page: Page, table: string, header: string) => page.getByRole("region", { name: table }).getByRole("row", { name: new RegExp(`^${header}\\b`) });

test("the dashboard counts, changes with the data, and exports the annual report", async ({ page }) => {
  // Two cores shared by many: sign-up, an axe scan and two downloads take their time.
  test.setTimeout(240_000);
  const owner = newOwner();
  await signUp(page, owner);

  // A new workspace: nothing to count yet, and the way to start.
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Nothing to count yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Plan a visit" })).toBeVisible();

  const placeName = `Police Department ${uniqueSuffix()}`;
  await createPlaceWithTemplate(owner.slug, placeName);
  const { overdueId } = await createSentReport(owner.slug, placeName);
  await page.reload();
  await expect(figure(page, "upcoming")).toHaveText("0");
  await expect(figure(page, "overdue")).toHaveText("1");
  await expect(page.getByRole("region", { name: "Overdue responses" })).toContainText(`No. 2, ${placeName}`);
  await expect(row(page, "Recommendations by status", "Open").getByRole("cell")).toHaveText("1");
  await expect(row(page, "Recommendations by status", "Implemented").getByRole("cell")).toHaveText("1");
  await expect(row(page, "Implementation rate by year of the visit", "2024").getByRole("cell").last()).toHaveText("50%");
  await expect(row(page, "Visits per place type per year", "2024").getByRole("cell").last()).toHaveText("1");
  // The charts render in the browser, labelled as images that point to the tables (axe checks the
  // page around them; their SVG is decoration of the tables' figures).
  await expect(page.getByRole("img", { name: /^Chart: Recommendations by status/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Chart: Recommendations by status/ }).locator("svg.recharts-surface").first()).toBeVisible();
  const violations = (await new AxeBuilder({ page }).exclude(".recharts-wrapper").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => v.id);
  expect(violations).toEqual([]);

  // Planning a visit through the interface adds an upcoming visit.
  await page.goto(`/t/${owner.slug}/visits/new`);
  await page.getByLabel("Place", { exact: true }).selectOption({ label: `${placeName} (Police custody)` });
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Type of visit").selectOption("ad_hoc");
  await page.getByLabel("First day").fill(isoDay(3));
  await page.getByLabel("Last day").fill(isoDay(3));
  await page.getByLabel("Checklist template").selectOption({ label: "Police custody, version 1" });
  await page.getByLabel("Member of the workspace").selectOption({ label: `${owner.name} (${owner.email})` });
  await page.getByLabel("Their role on the visit").selectOption("lead");
  await page.getByRole("button", { name: "Plan the visit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Visit to ${placeName}` })).toBeVisible();

  // The authority answers: no longer overdue, and the 2024 rate rises to 100 %.
  await answerRecommendation(overdueId);
  await page.goto(`/t/${owner.slug}/dashboard`);
  await expect(figure(page, "upcoming")).toHaveText("1");
  await expect(figure(page, "overdue")).toHaveText("0");
  await expect(row(page, "Implementation rate by year of the visit", "2024").getByRole("cell").last()).toHaveText("100%");

  // The year filter keeps to 2024: this year's planned visit drops out of the visits table.
  await page.getByLabel("Year of the visit", { exact: true }).selectOption("2024");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\?year=2024$/);
  await expect(page.getByRole("region", { name: "Visits per place type per year" }).getByRole("row")).toHaveCount(2);

  // The export links download the files (for 2024, as filtered).
  const exports = page.getByRole("region", { name: "Exports for the annual report" });
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), exports.getByRole("link", { name: "Recommendations (CSV)" }).click()]);
  expect(csvDownload.suggestedFilename()).toBe(`recommendations-${owner.slug}-2024.csv`);
  const csv = await readAll(await csvDownload.createReadStream());
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const text = csv.toString("utf8");
  expect(text).toContain("Record every arrival and release in the custody register.");
  expect(text).toContain("Обновити просторије за задржавање.");
  expect(text).toContain("Полицијска управа Крушевац");

  const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), exports.getByRole("link", { name: "Visits (Excel)" }).click()]);
  expect(xlsxDownload.suggestedFilename()).toBe(`visits-${owner.slug}-2024.xlsx`);
  expect((await readAll(await xlsxDownload.createReadStream())).subarray(0, 2).toString()).toBe("PK");
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
