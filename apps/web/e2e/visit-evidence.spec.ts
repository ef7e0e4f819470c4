import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { tinyPng } from "./files";
import { newOwner, signUp } from "./support";
import { createVisitWithChecklist } from "./checklist-fixture";
import { createVisitFor } from "./visit-fixture";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}

test("a finding with a photo, and an interview whose reprisal-risk follow-up appears on the workspace home", async ({ page, browser }) => {
  const owner = newOwner();
  await signUp(page, owner);
  const placeName = `Police Station ${owner.slug}`;
  const visitId = await createVisitFor(owner.slug, owner.email, placeName);

  // A finding, then a photo attached to it.
  await page.goto(`/t/${owner.slug}/visits/${visitId}/findings`);
  await expect(page.getByRole("heading", { level: 1, name: "Findings and evidence" })).toBeVisible();
  const newFinding = page.getByRole("region", { name: "Record a finding" });
  await newFinding.getByLabel("Theme").fill("Material conditions");
  await newFinding.getByLabel("Finding").fill("Cell 3 has no natural light and no call button.");
  await newFinding.getByLabel("Severity").selectOption("high");
  await newFinding.getByRole("button", { name: "Record finding" }).click();
  const finding = page.getByRole("article", { name: "Material conditions" });
  await expect(finding.getByText("Severity: High")).toBeVisible();

  await expect(finding.getByText(/Photos are stored without their metadata/)).toBeVisible();
  const fileInput = finding.getByLabel("Photo, scan or PDF");
  await fileInput.setInputFiles({ name: "cell-3.png", mimeType: "image/png", buffer: tinyPng() });
  await finding.getByRole("button", { name: "Attach file" }).click();
  await expect(page.getByRole("status")).toHaveText("cell-3.png attached.");
  // The input is empty again, ready for the next photo.
  await expect.poll(() => fileInput.evaluate((input: HTMLInputElement) => input.files?.length ?? 0)).toBe(0);
  const download = finding.getByRole("link", { name: "Download cell-3.png" });
  await expect(download).toBeVisible();
  await expect(finding.getByText(/image\/png, 1 KB, SHA-256 [0-9a-f]{12}/)).toBeVisible();
  const response = await page.request.get((await download.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toContain("attachment");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  // Stored as rewritten without metadata: still the same 8×8 PNG picture, not necessarily the same bytes.
  expect((await response.body()).subarray(0, 8)).toEqual(tinyPng().subarray(0, 8));

  // A thumbnail (through the same access checks as the download) that opens a preview; Escape closes it.
  const thumbnail = finding.getByRole("img", { name: "Preview cell-3.png" });
  await expect(thumbnail).toBeVisible();
  expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const thumbnailResponse = await page.request.get((await thumbnail.getAttribute("src"))!);
  expect(thumbnailResponse.headers()["content-type"]).toBe("image/jpeg");
  await finding.getByRole("link", { name: "Preview cell-3.png" }).click();
  const preview = page.getByRole("dialog", { name: "cell-3.png" });
  await expect(preview.getByRole("img", { name: "cell-3.png" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(preview).toBeHidden();
  await expect(finding.getByRole("link", { name: "Preview cell-3.png" })).toBeFocused();
  const signedOut = await browser.newContext();
  const refused = await signedOut.request.get((await thumbnail.getAttribute("src"))!, { maxRedirects: 0 });
  expect(refused.headers()["content-type"] ?? "").not.toContain("image/");
  await signedOut.close();
  expect(await seriousViolations(page)).toEqual([]);

  // An interview with consent, an allegation, notes and a reprisal risk.
  await page.getByRole("link", { name: "Interviews" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Confidential interviews" })).toBeVisible();
  const form = page.getByRole("region", { name: "Record an interview" });
  await expect(form.getByLabel("Pseudonym code")).toHaveValue("D-01");
  await form.getByLabel("The person consented").check();
  await form.getByLabel("During questioning").check();
  await form.getByLabel("Risk of reprisals").check();
  await form.getByLabel("Follow up by").fill("2026-12-15");
  await form.getByRole("textbox", { name: "Notes" }).fill("Says he was slapped during questioning; fears the duty officer.");
  await form.getByRole("button", { name: "Record interview" }).click();
  await expect(page.getByRole("status")).toHaveText("Interview D-01 recorded.");
  const interview = page.getByRole("article", { name: /D-01/ });
  await expect(interview.getByRole("listitem").filter({ hasText: "During questioning" })).toBeVisible();
  await expect(interview.getByText("slapped")).toHaveCount(0);
  await interview.getByRole("button", { name: "Show notes" }).click();
  await expect(interview.getByText("Says he was slapped during questioning; fears the duty officer.")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The follow-up waits on the workspace home until it is checked.
  await page.goto(`/t/${owner.slug}`);
  const followUps = page.getByRole("region", { name: "Reprisal-risk follow-ups due" });
  await expect(followUps.getByText(`D-01, interviewed at ${placeName}`)).toBeVisible();
  await followUps.getByRole("button", { name: "Mark follow-up as checked" }).click();
  await expect(followUps.getByText("No follow-ups are due.")).toBeVisible();
});

test("a photo attached from the checklist question it documents is listed with that question", async ({ page }) => {
  const owner = newOwner();
  await signUp(page, owner);
  const { visitId } = await createVisitWithChecklist(owner.slug);

  await page.goto(`/t/${owner.slug}/visits/${visitId}/checklist`);
  await page.getByRole("link", { name: "Attach a photo to question 1.1" }).click();
  const card = page.getByRole("region", { name: "A photo for checklist question 1.1" });
  await expect(card.getByText("Is the custody register complete?")).toBeVisible();
  await card.getByLabel("Photo, scan or PDF").setInputFiles({ name: "register.png", mimeType: "image/png", buffer: tinyPng() });
  await card.getByRole("button", { name: "Attach file" }).click();
  await expect(page.getByRole("status")).toHaveText("register.png attached.");
  const listed = page.getByRole("region", { name: "Evidence not linked to a finding" }).getByRole("listitem").filter({ hasText: "register.png" });
  await expect(listed).toContainText("Checklist question 1.1: Is the custody register complete?");
});
