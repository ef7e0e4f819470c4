import { expect, test } from "@playwright/test";
import { newOwner, signUp } from "./support";

test("an owner exports the workspace, downloads the ZIP, deletes the workspace and restores it", async ({ page }) => {
  const owner = newOwner();
  await signUp(page, owner);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Security" }).click();

  // Re-authentication (decision 0151): the password comes with the action.
  await expect(page.getByLabel("Your password, or a code from your authenticator app")).toHaveCount(2);
  await page.locator("#export-reauthentication").fill(owner.password);
  await page.getByRole("button", { name: "Export everything" }).click();
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByRole("link", { name: /^Download/ }).count();
    }, { timeout: 30_000 })
    .toBe(1);
  const href = await page.getByRole("link", { name: /^Download/ }).getAttribute("href");
  const zip = await page.request.get(href!);
  expect(zip.status()).toBe(200);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  expect((await zip.body()).subarray(0, 2).toString()).toBe("PK");

  await page.locator("#delete-reauthentication").fill("a guessed password");
  await page.getByLabel(/Type the workspace's name to confirm/).fill(owner.workspaceName);
  await page.getByRole("button", { name: "Delete the workspace" }).click();
  await expect(page.getByRole("alert")).toContainText("This is not your current password or code");
  await page.locator("#delete-reauthentication").fill(owner.password);
  await page.getByLabel(/Type the workspace's name to confirm/).fill("not it");
  await page.getByRole("button", { name: "Delete the workspace" }).click();
  await expect(page.getByRole("alert")).toContainText("The name does not match");
  await page.locator("#delete-reauthentication").fill(owner.password);
  await page.getByLabel(/Type the workspace's name to confirm/).fill(owner.workspaceName);
  await page.getByRole("button", { name: "Delete the workspace" }).click();
  await expect(page.getByRole("heading", { name: "This workspace is scheduled for deletion" })).toBeVisible();
  await page.getByRole("button", { name: "Restore the workspace" }).click();
  await expect(page.getByRole("heading", { name: "Delete this workspace" })).toBeVisible();
});
