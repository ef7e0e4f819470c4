import { expect, test } from "@playwright/test";
import { changeLanguage, newOwner, signUp, uniqueSuffix } from "./support";

test("an owner adds an authority, registers a place, finds it by search and archives it", async ({ page }) => {
  const owner = newOwner();
  await signUp(page, owner);
  const nav = page.getByRole("navigation", { name: "Workspace" });

  // The ministry the police department answers to.
  await nav.getByRole("link", { name: "Authorities" }).click();
  await page.getByLabel("Kind").selectOption("ministry");
  await page.getByLabel("Name", { exact: true }).fill("Ministry of Interior");
  await page.getByLabel("Contact e-mail").fill("kabinet@interior.example");
  await page.getByRole("button", { name: "Add authority" }).click();
  await expect(page.getByRole("status")).toHaveText("Authority saved.");
  await expect(page.getByRole("listitem").getByText("Ministry of Interior", { exact: true })).toBeVisible();

  // Register the place.
  await nav.getByRole("link", { name: "Places" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "No places yet" })).toBeVisible();
  await page.getByRole("link", { name: "Register a place" }).click();
  const name = `Police Department Kruševac ${uniqueSuffix()}`;
  await expect(page.getByRole("heading", { level: 1, name: "Register a place" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Type").selectOption("police_custody");
  await page.getByLabel("Capacity").fill("6");
  await page.getByLabel("Region").fill("Rasina");
  await page.getByLabel("Municipality").fill("Kruševac");
  // The name in another language (issue 16, section 5): shown to readers whose interface is in it.
  const ukrainianName = `Поліцейське управління Крушевац ${uniqueSuffix()}`;
  await page.getByRole("group", { name: "Name in other languages" }).getByLabel("Ukrainian").fill(ukrainianName);
  await page.getByLabel("Responsible authority").selectOption({ label: "Ministry of Interior" });
  await page.getByRole("button", { name: "Register place" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No visits yet" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No recommendations yet" })).toBeVisible();

  // Search finds it, case-insensitively; a search for something else does not.
  await nav.getByRole("link", { name: "Places" }).click();
  await page.getByLabel("Search by name").fill("kruševac");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("link", { name })).toBeVisible();
  await page.getByLabel("Search by name").fill("Zabela");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("heading", { name: "No places match these filters" })).toBeVisible();

  // Archive it: it leaves the current list but stays among archived places.
  await page.goto(`/t/${owner.slug}/places`);
  await page.getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Archive place" }).click();
  await expect(page.getByText("This place is archived")).toBeVisible();
  await page.goto(`/t/${owner.slug}/places`);
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  await page.getByLabel("Show", { exact: true }).selectOption("archived");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("link", { name })).toBeVisible();

  // A reader whose interface is in Ukrainian reads the Ukrainian name, in the list and on the place.
  await changeLanguage(page, "uk");
  await page.getByRole("link", { name: ukrainianName }).click();
  await expect(page.getByRole("heading", { level: 1, name: ukrainianName })).toBeVisible();
});
