import { expect, test } from "@playwright/test";
import { createVisitWithChecklist } from "./checklist-fixture";
import { newOwner, signUp } from "./support";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test("on a phone, a monitor answers part of a visit's checklist, sees it saved, and finds it kept after a reload", async ({ page }) => {
  const owner = newOwner();
  await signUp(page, owner);
  const { visitId } = await createVisitWithChecklist(owner.slug);

  await page.goto(`/t/${owner.slug}/visits/${visitId}/checklist`);
  await expect(page.getByRole("heading", { level: 1, name: "Checklist" })).toBeVisible();
  await expect(page.locator("#overall-progress")).toContainText("0 of 4 answered");
  await expect(page.getByText("Standard: CPT/Inf(2002)15, §40")).toBeVisible();

  // A yes/no question: the autosave reports "Saved" in the question's live region.
  await page.getByRole("radiogroup", { name: /Is the custody register complete/ }).getByText("No", { exact: true }).tap();
  await expect(page.locator("#status-register-complete")).toHaveText("Saved");

  // A note on the same question.
  await page.locator("#q-register-complete summary", { hasText: "Note" }).tap();
  await page.getByLabel("Note on: Is the custody register complete?").fill("Release times missing in 4 of 15 entries.");
  await expect(page.locator("#status-register-complete")).toHaveText("Saved");

  // A number, typed with a decimal keyboard.
  await page.getByRole("textbox", { name: /Number of cells/ }).fill("3");
  await expect(page.locator("#status-cell-count")).toHaveText("Saved");
  await expect(page.locator("#overall-progress")).toContainText("2 of 4 answered");

  // Single column: nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.reload();
  await expect(page.getByRole("radiogroup", { name: /Is the custody register complete/ }).getByRole("radio", { name: "No", exact: true })).toBeChecked();
  await expect(page.getByLabel("Note on: Is the custody register complete?")).toHaveValue("Release times missing in 4 of 15 entries.");
  await expect(page.getByRole("textbox", { name: /Number of cells/ })).toHaveValue("3");
  await expect(page.locator("#overall-progress")).toContainText("2 of 4 answered");
  await expect(page.getByRole("region", { name: /1\. Custody records/ })).toContainText("1 of 2 answered");

  // The history shows who saved what.
  await page.locator("#q-register-complete").getByRole("button", { name: "History" }).tap();
  await expect(page.locator("#q-register-complete ol li")).toHaveCount(2);
  await expect(page.locator("#q-register-complete ol li").first()).toContainText(`Saved by ${owner.name}`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a section's Save button posts the answers, and they are kept", async ({ page, browser }) => {
    const owner = newOwner();
    // Sign up with JavaScript (the sign-up form is not what this test is about), then browse without it.
    const setup = await browser.newPage({ javaScriptEnabled: true });
    await signUp(setup, owner);
    const cookies = await setup.context().cookies();
    await setup.close();
    await page.context().addCookies(cookies);
    const { visitId } = await createVisitWithChecklist(owner.slug);

    await page.goto(`/t/${owner.slug}/visits/${visitId}/checklist`);
    const conditions = page.getByRole("region", { name: /2\. Material conditions/ });
    await conditions.getByRole("textbox", { name: /Number of cells/ }).fill("4");
    await conditions.getByRole("textbox", { name: /Describe the conditions/ }).fill("Basement cells without windows.");
    await conditions.getByRole("button", { name: "Save section" }).click();
    await expect(page.getByText("Section saved. Answers changed: 2.")).toBeVisible();
    await page.goto(`/t/${owner.slug}/visits/${visitId}/checklist`);
    await expect(page.getByRole("textbox", { name: /Number of cells/ })).toHaveValue("4");
    await expect(page.getByRole("textbox", { name: /Describe the conditions/ })).toHaveValue("Basement cells without windows.");
  });
});
