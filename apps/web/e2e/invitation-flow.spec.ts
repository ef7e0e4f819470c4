import { expect, test } from "@playwright/test";
import { changeLanguage, invitationLinkFor, newOwner, signUp, uniqueSuffix } from "./support";

test("an owner invites a monitor, who joins, switches to Serbian and cannot open another workspace", async ({ page, browser }) => {
  const owner = newOwner();
  await signUp(page, owner);

  // The owner invites a monitor from the members page.
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  const memberEmail = `monitor-${uniqueSuffix()}@e2e.example`;
  await page.getByLabel("E-mail address").fill(memberEmail);
  await page.getByLabel("Role").selectOption("monitor");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${memberEmail}`);
  await expect(page.getByText(memberEmail, { exact: true })).toBeVisible();

  // The member opens the e-mailed link in their own browser and creates an account.
  const link = await invitationLinkFor(memberEmail);
  const memberContext = await browser.newContext({ locale: "en-GB" });
  const member = await memberContext.newPage();
  await member.goto(link);
  await expect(member.getByRole("heading", { level: 1, name: `Join ${owner.workspaceName}` })).toBeVisible();
  await member.getByLabel("Full name").fill("Milica Monitor");
  await member.getByLabel("Password", { exact: true }).fill(`quiet-harbour-signal-${uniqueSuffix()}`);
  await member.getByRole("button", { name: "Create account and join" }).click();
  await expect(member).toHaveURL(new RegExp(`/t/${owner.slug}$`));
  await expect(member.getByRole("heading", { level: 1, name: owner.workspaceName })).toBeVisible();

  // The member switches the interface to Serbian Cyrillic.
  await changeLanguage(member, "sr-Cyrl");
  await expect(member.getByRole("link", { name: "Чланови" })).toBeVisible();
  await expect(member.getByRole("heading", { name: "Нема планираних посета" })).toBeVisible();

  // Another workspace (the demo Ukrainian mechanism) does not exist for this member.
  const response = await member.goto("/t/npm-ukraine");
  expect(response?.status()).toBe(404);
  await expect(member.getByRole("heading", { level: 1, name: "404" })).toBeVisible();

  await memberContext.close();

  // Back with the owner: change the new member's role, then remove them after confirming.
  await page.reload();
  await page.getByLabel("Role of Milica Monitor").selectOption("viewer");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByRole("status")).toHaveText("Role changed.");
  await page.getByRole("link", { name: "Remove Milica Monitor" }).click();
  await page.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByText(memberEmail, { exact: true })).toHaveCount(0);
});
