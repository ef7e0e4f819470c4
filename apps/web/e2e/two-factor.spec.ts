import { expect, test } from "@playwright/test";
import { enrolTwoFactor, newOwner, signIn, signOut, signUp } from "./support";

test("an owner enrols in two-factor sign-in, signs out, and signs back in with a code", async ({ page }) => {
  const owner = newOwner();
  // signUp goes through the enrolment the workspace demands of a new owner (support.ts).
  await signUp(page, owner);

  await signOut(page);
  await expect(page).not.toHaveURL(/\/t\//);

  // The password alone reaches nothing: the second step is due, and the workspace stays closed.
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await page.goto(`/t/${owner.slug}`);
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=/);

  // A wrong code is refused with a message; the right one signs in.
  await page.goto("/sign-in/two-factor");
  await page.getByLabel("Six-digit code").fill("000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("This code is not correct");

  await signIn(page, owner.email, owner.password);
  await expect(page).toHaveURL(/\/workspaces|\/t\//);
  await page.goto(`/t/${owner.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: owner.workspaceName })).toBeVisible();
});

test("an owner requires 2FA of every member, and the change shows in the audit log and its CSV export", async ({ page }) => {
  const owner = newOwner();
  await signUp(page, owner);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Security" }).click();
  await page.getByLabel("Require two-factor sign-in of every member of this workspace").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Saved.");

  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByLabel("Action").selectOption("workspace.twoFactorRequirement");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=workspace.twoFactorRequirement/);
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(owner.name);

  const csv = await page.request.get(`/t/${owner.slug}/audit/export.csv?action=workspace.twoFactorRequirement`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("workspace.twoFactorRequirement");
});

test("turning two-factor on signs out the browsers that signed in with the password alone (decision 0265)", async ({ page, browser }) => {
  const owner = newOwner();
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill(owner.name);
  await page.getByLabel("E-mail address").fill(owner.email);
  await page.getByLabel("Password", { exact: true }).fill(owner.password);
  await page.getByLabel("Name of the institution").fill(owner.workspaceName);
  await page.getByLabel("Workspace address").fill(owner.slug);
  await page.getByLabel("Country code").fill("RS");
  await page.getByRole("button", { name: "Create account and workspace" }).click();
  await expect(page).toHaveURL(/\/account\/two-factor/);

  // Meanwhile a second browser signs in with the password alone (two-factor is not on yet).
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, owner.email, owner.password);
  await otherPage.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await otherPage.goto("/account/sessions");
  await expect(otherPage).toHaveURL(/\/account\/sessions/);

  // Turning it on here keeps this browser signed in, with the second factor, and ends the other one.
  await enrolTwoFactor(page, owner.email, owner.password);
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: owner.workspaceName })).toBeVisible();
  await otherPage.goto(`/t/${owner.slug}`);
  await expect(otherPage).toHaveURL(/\/sign-in\?redirectTo=/);
  await other.close();
});
