import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { e2eDataDir } from "../playwright.config";
import { newOwner, signUp } from "./support";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** `pnpm platform:operator add`, as an operator of the installation runs it, against the e2e server's database. */
async function makeOperator(email: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_DATA_DIR: e2eDataDir, EMBEDDED_POSTGRES_PORT: process.env.E2E_POSTGRES_PORT ?? "54423" };
  delete env.DATABASE_URL;
  delete env.DATABASE_OWNER_URL;
  const { stdout } = await promisify(execFile)("pnpm", ["--silent", "platform:operator", "add", email], { cwd: repoRoot, env });
  expect(stdout).toContain("is now a platform operator");
}

// The operator console (issue 19, decision 0231): an operator suspends an NPM's workspace; its owner
// sees why and can change nothing; lifting the suspension opens it again. Both audit logs show it.
test("an operator suspends a workspace, its owner sees the reason and is refused changes, then the suspension is lifted", async ({ browser }) => {
  const npmContext = await browser.newContext();
  const operatorContext = await browser.newContext();
  const npm = await npmContext.newPage();
  const console_ = await operatorContext.newPage();
  const owner = newOwner();
  const operator = newOwner();
  await signUp(npm, owner);
  await signUp(console_, operator);

  // Not an operator yet: the console is closed, and the account menu does not offer it.
  expect((await console_.goto("/platform"))?.status()).toBe(403);
  const accountMenu = async () => {
    await console_.goto(`/t/${operator.slug}`);
    await console_.locator("summary", { hasText: "Account" }).click();
    return console_.getByRole("navigation", { name: "Account" });
  };
  await expect((await accountMenu()).getByRole("link", { name: "Profile" })).toBeVisible();
  await expect((await accountMenu()).getByRole("link", { name: "Operator console" })).toHaveCount(0);
  await makeOperator(operator.email);

  // An operator finds the console in the account menu (decision 0254).
  await (await accountMenu()).getByRole("link", { name: "Operator console" }).click();
  await expect(console_.getByRole("heading", { level: 1, name: "Operator console" })).toBeVisible();
  await console_.getByLabel("Find a workspace by name or address").fill(owner.slug);
  await console_.getByRole("button", { name: "Search" }).click();
  const card = console_.getByRole("article", { name: new RegExp(owner.workspaceName) });
  await expect(card).toContainText("1 member");
  await card.getByLabel("Reason shown to the owners").fill("Unpaid invoice since March");
  await card.getByRole("button", { name: "Suspend (read-only)" }).click();
  await expect(card.getByRole("status")).toContainText("Done");
  await expect(card).toContainText("Reason: Unpaid invoice since March");
  await expect(console_.getByText("Workspace suspended by the platform operator").first()).toBeVisible();

  // The owner: a banner with the reason; a change is refused with the suspension's message.
  await npm.goto(`/t/${owner.slug}/security`);
  await expect(npm.getByText("This workspace is suspended by the Vigil operators")).toBeVisible();
  await expect(npm.getByText("Reason given to the owners: Unpaid invoice since March")).toBeVisible();
  await npm.getByLabel("Require two-factor sign-in of every member of this workspace").check();
  await npm.getByRole("button", { name: "Save" }).click();
  await expect(npm.getByRole("alert")).toContainText("suspended by the Vigil operators, so nothing can be changed");
  // And the workspace's own audit log says what the operator did.
  await npm.goto(`/t/${owner.slug}/audit`);
  await expect(npm.getByRole("table")).toContainText("Workspace suspended by the platform operator");

  await card.getByRole("button", { name: "Lift suspension" }).click();
  await expect(card.getByRole("button", { name: "Suspend (read-only)" })).toBeVisible();
  await expect(card).not.toContainText("Suspended since");
  await npm.goto(`/t/${owner.slug}/security`);
  await expect(npm.getByText("This workspace is suspended by the Vigil operators")).toHaveCount(0);

  await npmContext.close();
  await operatorContext.close();
});
