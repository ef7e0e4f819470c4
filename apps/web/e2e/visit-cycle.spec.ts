import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { tinyPng } from "./files";
import { newOwner, signUp, uniqueSuffix } from "./support";

/**
 * The visit cycle of issue 3 through the real interface, from an empty workspace: register a place,
 * import and publish the police custody methodology, plan a visit with a team, fill part of the
 * checklist on a phone, record a finding with a photo and an interview, and move the visit on to
 * report drafting.
 */
const policeCustodyTemplate = new URL("../../../packages/api/src/seed/data/police-custody.template.json", import.meta.url);

test("a visit from an empty workspace to report drafting", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const owner = newOwner();
  await signUp(page, owner);
  const nav = page.getByRole("navigation", { name: "Workspace" });

  // 1. The place.
  await nav.getByRole("link", { name: "Places" }).click();
  await page.getByRole("link", { name: "Register a place" }).click();
  const placeName = `Police Department Niš ${uniqueSuffix()}`;
  await page.getByLabel("Name", { exact: true }).fill(placeName);
  await page.getByLabel("Type").selectOption("police_custody");
  await page.getByLabel("Region").fill("Nišava");
  await page.getByRole("button", { name: "Register place" }).click();
  await expect(page.getByRole("heading", { level: 1, name: placeName })).toBeVisible();

  // 2. The methodology: import the documented format, then publish version 1.
  await nav.getByRole("link", { name: "Templates" }).click();
  await page.getByLabel("Template file (JSON)").setInputFiles({
    name: "police-custody.template.json",
    mimeType: "application/json",
    buffer: await readFile(policeCustodyTemplate),
  });
  await page.getByRole("button", { name: "Import" }).click();
  await page.getByRole("button", { name: "Publish as version 1" }).click();
  await expect(page.getByText("Published as version 1.")).toBeVisible();

  // 3. The plan and the team.
  await nav.getByRole("link", { name: "Visits", exact: true }).click();
  await page.getByRole("link", { name: "Plan a visit" }).first().click();
  await page.getByLabel("Place", { exact: true }).selectOption({ label: `${placeName} (Police custody)` });
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Type of visit").selectOption("in_depth");
  await page.getByLabel("First day").fill("2026-12-01");
  await page.getByLabel("Last day").fill("2026-12-01");
  await page.getByLabel("Checklist template").selectOption({ label: "Police custody, version 1" });
  await page.getByLabel("Member of the workspace").selectOption({ label: `${owner.name} (${owner.email})` });
  await page.getByLabel("Their role on the visit").selectOption("lead");
  await page.getByLabel("External expert's name").fill("Dr Jelena Ilić");
  await page.getByLabel("Expertise", { exact: true }).fill("Psychiatry");
  await page.getByLabel("Expert's role on the visit").selectOption("psychiatrist");
  await page.getByRole("button", { name: "Plan the visit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Visit to ${placeName}` })).toBeVisible();
  const visitUrl = page.url();
  const status = page.getByRole("region", { name: "Status" });
  await status.getByRole("button", { name: "Start the visit" }).click();
  await expect(status.getByRole("status")).toHaveText("Status changed to “In progress”.");

  // 4. Part of the checklist, on a phone, saved as it is typed.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, storageState: await page.context().storageState() });
  const onPhone = await phone.newPage();
  await onPhone.goto(`${visitUrl}/checklist`);
  await expect(onPhone.getByRole("heading", { level: 1, name: "Checklist" })).toBeVisible();
  const firstYesNo = onPhone.getByRole("radiogroup").first();
  await firstYesNo.getByRole("radio", { name: "Yes", exact: true }).check();
  await expect(onPhone.getByText("Saved").first()).toBeVisible();
  await onPhone.reload();
  await expect(onPhone.getByRole("radiogroup").first().getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
  await phone.close();

  // 5. A finding with a photo.
  await page.goto(`${visitUrl}/findings`);
  const newFinding = page.getByRole("region", { name: "Record a finding" });
  await newFinding.getByLabel("Theme").fill("Material conditions");
  await newFinding.getByLabel("Finding").fill("The cells have no natural light and no call bell.");
  await newFinding.getByLabel("Severity").selectOption("high");
  await newFinding.getByRole("button", { name: "Record finding" }).click();
  const finding = page.getByRole("article", { name: "Material conditions" });
  await finding.getByLabel("Photo, scan or PDF").setInputFiles({ name: "cell-2.png", mimeType: "image/png", buffer: tinyPng() });
  await finding.getByRole("button", { name: "Attach file" }).click();
  await expect(page.getByRole("status")).toHaveText("cell-2.png attached.");

  // 6. A confidential interview.
  await page.goto(`${visitUrl}/interviews`);
  const interviewForm = page.getByRole("region", { name: "Record an interview" });
  await interviewForm.getByLabel("The person consented").check();
  await interviewForm.getByLabel("During arrest").check();
  await interviewForm.getByRole("textbox", { name: "Notes" }).fill("Describes being pushed against a car during the arrest.");
  await interviewForm.getByRole("button", { name: "Record interview" }).click();
  await expect(page.getByRole("status")).toHaveText("Interview D-01 recorded.");

  // 7. On to the report.
  await page.goto(visitUrl);
  await page.getByRole("region", { name: "Status" }).getByRole("button", { name: "Start drafting the report" }).click();
  await expect(page.getByRole("region", { name: "Status" }).getByRole("status")).toHaveText("Status changed to “Report drafting”.");
});
