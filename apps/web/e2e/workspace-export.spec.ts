import { expect, test } from "@playwright/test";
import { newOwner, signUp } from "./support";
import { exportWorkspaceAndDownload } from "./workspace-export-flow";

test("an owner exports the workspace, downloads the ZIP, deletes the workspace and restores it", async ({ page }) => {
  const owner = newOwner();
  await signUp(page, owner);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Security" }).click();

  // Re-authentication (decision 0151): the password comes with the action.
  await expect(page.getByLabel("Your password, or a code from your authenticator app")).toHaveCount(2);
  await exportWorkspaceAndDownload(page, owner.password, 30_000);

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
