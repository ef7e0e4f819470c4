import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { invitationLinkFor, newOwner, signUp, uniqueSuffix } from "./support";
import { createVisitFor } from "./visit-fixture";

// Issue 16, section 5: dates, plurals, labels, device names and file names in the reader's language.

/** A visitor's interface language, as the language switcher leaves it (the `vigil_locale` cookie). */
async function visitorLanguage(context: BrowserContext, locale: string) {
  await context.addCookies([{ name: "vigil_locale", value: locale, url: baseURL }]);
}

/** A signed-in person's language, through the switcher's own action (it also keeps the profile's preference). */
async function useLanguage(page: Page, locale: string) {
  const response = await page.request.post("/locale", { form: { locale, returnTo: "/" }, headers: { origin: baseURL }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
}

test("dates, plurals, audit labels, device names and report file names in the reader's language", async ({ page, browser }) => {
  const owner = newOwner();
  await signUp(page, owner);

  // The sessions page names this browser, not its user-agent header.
  await page.goto("/account/sessions");
  await expect(page.getByText(/^Chrome( Headless)? on Linux$/)).toBeVisible();
  await expect(page.getByText(/Mozilla\/5\.0/)).toHaveCount(0);

  // An invitation read in Serbian: the date says its month in the genitive and is followed by no second full stop.
  await page.goto(`/t/${owner.slug}/members`);
  const invitee = `monitor-${uniqueSuffix()}@e2e.example`;
  await page.getByLabel("E-mail address").fill(invitee);
  await page.getByLabel("Role").selectOption("monitor");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${invitee}`);
  const serbian = await browser.newContext({ locale: "sr-Latn-RS" });
  await visitorLanguage(serbian, "sr-Latn");
  const reader = await serbian.newPage();
  await reader.goto(await invitationLinkFor(invitee));
  const lead = reader.getByText(/Poziv važi do/);
  await expect(lead).toHaveText(/kao Monitor, .* Poziv važi do \d{1,2}\. (januara|februara|marta|aprila|maja|juna|jula|avgusta|septembra|oktobra|novembra|decembra) \d{4}\.$/);
  expect(await reader.locator("main").innerText()).not.toMatch(/\.\.(?!\.)/);
  await serbian.close();

  // The audit log in Ukrainian labels every action and record type; no code shows.
  await useLanguage(page, "uk");
  await page.goto(`/t/${owner.slug}/audit`);
  const log = page.getByRole("table");
  await expect(log.getByRole("cell", { name: "Робочий простір створено" })).toBeVisible();
  await expect(log.getByRole("cell", { name: "Учасника запрошено" })).toBeVisible();
  expect(await log.innerText()).not.toMatch(/\b(workspace|member|invitation|membership)\.?[a-zA-Z]*\b/);

  // A counted phrase in Ukrainian, and the PDF of a report on a place whose name has a "ž".
  const visitId = await createVisitFor(owner.slug, owner.email, "KPZ Požarevac–Zabela");
  await useLanguage(page, "en");
  await page.goto(`/t/${owner.slug}/visits/${visitId}/report`);
  const draft = page.getByRole("region", { name: "Draft" });
  await draft.getByLabel("Language of the report").selectOption("sr-Latn");
  await draft.getByLabel("Summary").fill("Noćna poseta.");
  await draft.getByRole("button", { name: "Save the draft" }).click();
  await expect(page.getByRole("status")).toHaveText("The draft was saved.");
  // 21 takes Ukrainian's "one" form ("21 дня"), 60 its "many" form ("60 днів").
  await expect(page.getByText(/due 60 days after the sending date\.$/)).toBeVisible();
  await page.getByLabel("Days authorities have to respond").fill("21");
  await page.getByRole("button", { name: "Save the deadline" }).click();
  await expect(page.getByText("The response deadline was saved.")).toBeVisible();
  await useLanguage(page, "uk");
  await page.reload();
  await expect(page.getByText(/протягом 21 дня від дати надсилання\.$/)).toBeVisible();

  const pdf = await page.request.get(`/t/${owner.slug}/visits/${visitId}/report.pdf`);
  expect(pdf.status()).toBe(200);
  const disposition = pdf.headers()["content-disposition"]!;
  expect(disposition).toContain('filename="report-KPZ-Pozarevac-Zabela-');
  expect(disposition).toContain("filename*=UTF-8''report-KPZ-Po%C5%BEarevac-Zabela-");
  expect(disposition).toMatch(/-sr-Latn\.pdf$/);
});
