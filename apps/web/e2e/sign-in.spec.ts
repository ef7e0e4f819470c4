import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn, signOut } from "./support";

test("a wrong password shows the generic error and keeps the person signed out", async ({ page }) => {
  await signIn(page, "jelena.petrovic@npm-serbia.example", "not-the-right-password");
  await expect(page.getByRole("alert")).toHaveText("The e-mail address or password is not correct.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signing in follows a relative redirectTo and refuses another origin", async ({ page }) => {
  await page.goto("/sign-in?redirectTo=%2Ft%2Fnpm-serbia%2Fmembers");
  await page.getByLabel("E-mail address").fill("marko.jovanovic@npm-serbia.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/t\/npm-serbia\/members$/);

  // The demo monitor prefers Serbian: signOut finds the button by its form, not its label.
  await signOut(page);
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/sign-in?redirectTo=https%3A%2F%2Fevil.example%2F");
  await page.getByLabel("E-mail address").fill("marko.jovanovic@npm-serbia.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Refused: the default after sign-in, which takes the monitor (one workspace) straight into it.
  await expect(page).toHaveURL(/\/t\/npm-serbia$/);
});
