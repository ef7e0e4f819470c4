import { expect, test, type Locator, type Page } from "@playwright/test";
import { createVisitWithChecklist } from "./checklist-fixture";
import { prepareReportFixture } from "./report-fixture";
import { newOwner, signUp } from "./support";
import { createVisitFor } from "./visit-fixture";

/*
 * Issue 16 §6, with the keyboard alone where it matters: where focus goes after a page change and a
 * submitted form, what a screen reader is told (route announcer, result counts), the checklist's
 * refused answer, names with context, Tab stops per question, and page titles that name the thing.
 * One workspace for the whole file (sign-up with two-factor is the slow part).
 */

/** Focuses a link or button and follows it with Enter, as a keyboard user would. */
async function activate(control: Locator): Promise<void> {
  await control.focus();
  await control.press("Enter");
}

/** Opens a page and lets it finish loading its scripts, so that links navigate client-side. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState("networkidle");
}

async function expectAnnounced(page: Page, title: RegExp): Promise<void> {
  await expect(page).toHaveTitle(title);
  await expect(page.locator("#route-announcer")).toHaveText(await page.title());
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
}

test("keyboard and screen readers: announced pages and counts, focus after submit, a refused answer, names and titles", async ({ page }) => {
  const owner = newOwner();
  await signUp(page, owner);
  const { visitId: checklistVisitId } = await createVisitWithChecklist(owner.slug);
  const placeName = `Police Department ${owner.slug}`;
  const reportVisitId = await createVisitFor(owner.slug, owner.email, placeName);
  // Adds an earlier visit to the same place, with a sent report and one recommendation.
  await prepareReportFixture(reportVisitId, { ministry: "Ministry of Interior", department: `Department ${owner.slug}`, earlier: "Renovate the detention premises." });

  // The visits list says how many it shows, and says it again after filtering in place.
  await open(page, `/t/${owner.slug}/visits`);
  const count = page.locator("#result-count");
  await expect(count).toHaveAttribute("aria-live", "polite");
  await expect(count).toHaveText("3 visits shown.");
  await page.getByLabel("Status").selectOption("report_sent");
  await activate(page.getByRole("button", { name: "Show visits" }));
  await expect(count).toHaveText("1 visit shown.");
  await expect(page.getByRole("button", { name: "Show visits" })).toBeFocused();
  await page.getByLabel("Status").selectOption("");
  await activate(page.getByRole("button", { name: "Show visits" }));
  await expect(count).toHaveText("3 visits shown.");

  // Two visits to one place: their links are told apart by the dates.
  const samePlace = page.getByRole("link", { name: new RegExp(`^${placeName}, `) });
  await expect(samePlace).toHaveCount(2);
  const [first, second] = await samePlace.evaluateAll((links) => links.map((link) => link.getAttribute("aria-label")));
  expect(first).not.toBe(second);

  // A client-side page change announces the new page's title, which names the place and date; focus goes to its heading.
  await activate(page.getByRole("link", { name: /^Police Department Test, / }));
  await expect(page).toHaveURL(new RegExp(`/visits/${checklistVisitId}$`));
  await expectAnnounced(page, /^Visit to Police Department Test — .*2026 — Vigil$/);

  await activate(page.getByRole("main").getByRole("link", { name: "Checklist", exact: true }));
  await expectAnnounced(page, /^Checklist — Police Department Test, .*2026 — Vigil$/);

  // The question number does not run into its text; guidance is text that describes the answer, not a Tab stop.
  await expect(page.locator("#question-register-complete")).toHaveText(/^1\.1 Is the custody register complete\?$/);
  const registerComplete = page.getByRole("radiogroup", { name: /Is the custody register complete/ });
  await expect(registerComplete).toHaveAttribute("aria-describedby", "guidance-register-complete");
  await expect(page.locator("#guidance-register-complete")).toContainText("Compare the register with the persons present.");

  // A question's Tab stops besides its answer: its note, its history (a button) and attaching a photo,
  // each named with the question; guidance is no stop of its own.
  await registerComplete.getByRole("radio", { name: "Yes" }).focus();
  await page.keyboard.press("Tab");
  await expect(page.locator("#q-register-complete summary")).toBeFocused();
  await expect(page.locator("#q-register-complete summary")).toHaveText("Note (question 1.1)");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "History (question 1.1)" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Attach a photo to question 1.1" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("radiogroup", { name: /Register format/ }).getByRole("radio", { name: "Paper" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Save section 2. Material conditions" })).toBeVisible();

  // A refused answer is marked invalid and tied to the message that says why.
  const cells = page.getByRole("textbox", { name: /Number of cells/ });
  await cells.fill("three");
  await expect(page.locator("#status-cell-count")).toContainText("number");
  await expect(cells).toHaveAttribute("aria-invalid", "true");
  await expect(cells).toHaveAttribute("aria-errormessage", "status-cell-count");
  await expect(cells).toHaveAttribute("aria-describedby", "status-cell-count");
  await expect(cells).toHaveClass(/border-red-700/);
  await cells.fill("3");
  await expect(page.locator("#status-cell-count")).toHaveText("Saved");
  await expect(cells).not.toHaveAttribute("aria-invalid", /.*/);

  // The report: the browser's check of an empty required field speaks the interface's language.
  await open(page, `/t/${owner.slug}/visits/${reportVisitId}/report`);
  await expect(page).toHaveTitle(new RegExp(`^Report — ${placeName}, .+ — Vigil$`));
  const add = page.getByRole("region", { name: "Add a recommendation" });
  const text = add.getByLabel("Recommendation", { exact: true });
  await activate(add.getByRole("button", { name: "Add the recommendation" }));
  await expect.poll(() => text.evaluate((field: HTMLTextAreaElement) => field.validationMessage)).toBe("Fill in this field.");

  // Refused by the server (blank text passes the browser's check): focus goes to the error.
  await text.fill("   ");
  await activate(add.getByRole("button", { name: "Add the recommendation" }));
  await expect(add.getByRole("alert")).toBeFocused();

  // Saved: focus goes to the message, which is in view.
  const draft = page.getByRole("region", { name: "Draft" });
  await draft.getByLabel("Summary").fill("A night visit to the police department.");
  await activate(draft.getByRole("button", { name: "Save the draft" }));
  await expect(page.getByRole("status")).toHaveText("The draft was saved.");
  await expect(page.getByRole("status")).toBeFocused();
  await expect(page.getByRole("status")).toBeInViewport();

  await add.getByLabel("Recommendation", { exact: true }).fill("Keep a register of the use of force.");
  await add.getByRole("checkbox", { name: /^Ministry of Interior/ }).check();
  await activate(add.getByRole("button", { name: "Add the recommendation" }));
  await expect(page.getByRole("status")).toHaveText("Recommendation 1 was added.");
  await expect(page.getByRole("status")).toBeFocused();
  // The report editor's repeated buttons carry the recommendation's number.
  await expect(page.getByRole("button", { name: "Delete Recommendation 1" })).toBeVisible();
  await expect(page.locator("summary", { hasText: "Edit" })).toHaveText("Edit Recommendation 1");

  // A recommendation's page is titled by its number, place and visit date.
  await open(page, `/t/${owner.slug}/recommendations`);
  await activate(page.getByRole("link", { name: "Renovate the detention premises." }));
  await expectAnnounced(page, new RegExp(`^Recommendation 1 — ${placeName}, .+ — Vigil$`));

  // The recommendations list announces its count too.
  await open(page, `/t/${owner.slug}/recommendations`);
  await page.getByRole("checkbox", { name: "Implemented", exact: true }).check();
  await activate(page.getByRole("button", { name: "Apply filters" }));
  await expect(page.locator("#result-count")).toHaveText("0 recommendations shown.");

  // In a Serbian interface: the browser's check speaks Serbian, and the English report's words are marked English.
  const switched = await page.request.post("/locale", { form: { locale: "sr-Latn", returnTo: "/" }, headers: { origin: new URL(page.url()).origin } });
  expect(switched.ok()).toBe(true);
  await open(page, `/t/${owner.slug}/visits/${reportVisitId}/report`);
  await expect(page.locator("html")).toHaveAttribute("lang", /^sr/);
  await expect(page.locator("p", { hasText: "Keep a register of the use of force." })).toHaveAttribute("lang", /^en/);
  await activate(page.locator('button[name="intent"][value="add"]'));
  await expect.poll(() => page.locator("#recommendation-new-text").evaluate((field: HTMLTextAreaElement) => field.validationMessage)).toBe("Popunite ovo polje.");
});
