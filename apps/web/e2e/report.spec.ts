import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { newOwner, signUp } from "./support";
import { prepareReportFixture } from "./report-fixture";
import { createVisitFor } from "./visit-fixture";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}

test("a report is drafted with two recommendations, warned about a repeated one, sent, and downloaded as PDF", async ({ page }) => {
  const owner = newOwner();
  await signUp(page, owner);
  const placeName = `Police Department ${owner.slug}`;
  const visitId = await createVisitFor(owner.slug, owner.email, placeName);
  const department = `Police Department Kruševac ${owner.slug}`;
  await prepareReportFixture(visitId, { ministry: "Ministry of Interior", department, earlier: "Renovate the detention premises so that they meet the applicable standards." });

  await page.goto(`/t/${owner.slug}/visits/${visitId}`);
  await page.getByRole("link", { name: "Report and recommendations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Report" })).toBeVisible();
  await expect(page.getByText("No recommendations yet. Add the first one below.")).toBeVisible();

  // The summary starts the draft.
  const draft = page.getByRole("region", { name: "Draft" });
  await draft.getByLabel("Language of the report").selectOption("en");
  await draft.getByLabel("Summary").fill("A night visit to the police department; detention premises below standard.");
  await draft.getByRole("button", { name: "Save the draft" }).click();
  await expect(page.getByRole("status")).toHaveText("The draft was saved.");

  // The first recommendation reads like last year's: the editor says so while it is typed.
  const add = page.getByRole("region", { name: "Add a recommendation" });
  await add.getByLabel("Recommendation", { exact: true }).fill("Renovate the detention premises to meet the applicable standards.");
  await expect(add.getByRole("heading", { name: "Similar earlier recommendations to this place" })).toBeVisible();
  await expect(add.getByText("Renovate the detention premises so that they meet the applicable standards.")).toBeVisible();
  await add.getByRole("checkbox", { name: new RegExp(department) }).check();
  await add.getByRole("checkbox", { name: /^Ministry of Interior/ }).check();
  await add.getByLabel("Theme tags").fill("material conditions");
  await add.getByLabel("Priority").selectOption("high");
  await add.getByRole("button", { name: "Add the recommendation" }).click();
  await expect(page.getByRole("status")).toHaveText("Recommendation 1 was added.");
  const list = page.getByRole("region", { name: "Recommendations" });
  await expect(list.getByRole("heading", { name: "Recommendation 1" })).toBeVisible();
  await expect(add.getByLabel("Recommendation", { exact: true })).toHaveValue("");

  await add.getByLabel("Recommendation", { exact: true }).fill("Record every detained person's arrival and release in the custody register.");
  await add.getByRole("checkbox", { name: new RegExp(department) }).check();
  await add.getByRole("button", { name: "Add the recommendation" }).click();
  await expect(page.getByRole("status")).toHaveText("Recommendation 2 was added.");

  await expect(list.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Recommendation 1" }) })).toContainText("Renovate the detention premises");
  await expect(list.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Recommendation 2" }) })).toContainText("custody register");
  expect(await seriousViolations(page)).toEqual([]);

  // Escape closes a recommendation's edit panel and gives focus back to its toggle.
  const first = list.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Recommendation 1" }) });
  const edit = first.locator("summary", { hasText: "Edit" });
  await edit.click();
  const editText = first.getByLabel("Recommendation", { exact: true });
  await editText.focus();
  await page.keyboard.press("Escape");
  await expect(editText).toBeHidden();
  await expect(edit).toBeFocused();

  // Sending fixes it: the date, the addressees, the due dates; nothing is editable any more.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("region", { name: "Send the report" }).getByRole("button", { name: "Send the report" }).click();
  await expect(page.getByRole("status")).toHaveText("The report was sent; the response deadlines are set.");
  const sent = page.getByRole("region", { name: "Sent" });
  await expect(sent.getByText(/^Sent on .+ by /)).toBeVisible();
  await expect(sent.getByRole("listitem").filter({ hasText: department })).toBeVisible();
  await expect(sent.getByRole("listitem").filter({ hasText: "Ministry of Interior" })).toBeVisible();
  await expect(list.getByText(/Response due/)).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Add the recommendation" })).toHaveCount(0);
  await expect(page.getByText("Edit")).toHaveCount(0);

  // The PDF, as a download.
  const href = await page.getByRole("link", { name: "Download PDF" }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.pdf"/);
  expect((await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^report-.+-en\.pdf$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the similar earlier recommendation shows on request and after saving", async ({ page }) => {
    const owner = newOwner();
    await signUp(page, owner);
    const visitId = await createVisitFor(owner.slug, owner.email, `Police Department ${owner.slug}`);
    const department = `Police Department Niš ${owner.slug}`;
    await prepareReportFixture(visitId, { ministry: "Ministry of Interior", department, earlier: "Give every detained person a clean mattress and blanket for the night." });

    await page.goto(`/t/${owner.slug}/visits/${visitId}/report`);
    const add = page.getByRole("region", { name: "Add a recommendation" });
    await add.getByLabel("Recommendation", { exact: true }).fill("Give every detained person a mattress and a blanket for the night.");
    await add.getByRole("button", { name: "Check for similar recommendations" }).click();
    await expect(add.getByRole("heading", { name: "Similar earlier recommendations to this place" })).toBeVisible();
    // The typed text came back with the page.
    await expect(add.getByLabel("Recommendation", { exact: true })).toHaveValue("Give every detained person a mattress and a blanket for the night.");

    await add.getByRole("checkbox", { name: new RegExp(department) }).check();
    await add.getByRole("button", { name: "Add the recommendation" }).click();
    await expect(page.getByRole("status")).toHaveText("Recommendation 1 was added.");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Recommendation 1" }) });
    await expect(card.getByRole("heading", { name: "Similar earlier recommendations to this place" })).toBeVisible();
    await expect(card.getByText("Give every detained person a clean mattress and blanket for the night.")).toBeVisible();

    // The hint stays after a reload, and one click marks the repeat (decision 0192).
    await page.reload();
    await expect(card.getByRole("heading", { name: "Similar earlier recommendations to this place" })).toBeVisible();
    await card.getByRole("button", { name: /^It repeats this one/ }).click();
    await expect(card.getByText("Repeats", { exact: true })).toBeVisible();
    await expect(card.getByRole("heading", { name: "Similar earlier recommendations to this place" })).toHaveCount(0);
    await card.getByRole("link", { name: /^No\. 1 from the visit of/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Recommendation 1 — / })).toBeVisible();
  });
});
