import { expect, test } from "@playwright/test";
import { newOwner, signUp } from "./support";
import { addToWorkspace, createVisitFor } from "./visit-fixture";

/**
 * Who manages a visit's team (docs/decisions/0147): a monitor who is not the visit's lead sees the
 * team but no control to change it; the lead may change the other members but not name a lead; the
 * owner may do everything.
 */
test("the team controls are shown only to those who may use them", async ({ browser }) => {
  const owner = newOwner();
  const monitor = newOwner();
  const ownerPage = await (await browser.newContext()).newPage();
  const monitorPage = await (await browser.newContext()).newPage();
  await signUp(ownerPage, owner);
  await signUp(monitorPage, monitor);
  await addToWorkspace(owner.slug, monitor.email, "monitor");
  const visitId = await createVisitFor(owner.slug, owner.email, `Police Station ${owner.slug}`);
  const visitPath = `/t/${owner.slug}/visits/${visitId}`;

  await ownerPage.goto(visitPath);
  const ownerTeam = ownerPage.getByRole("region", { name: "Team" });
  await expect(ownerTeam.getByRole("button", { name: `Remove ${owner.name} from the team` })).toBeVisible();
  await expect(ownerTeam.getByLabel("Their role on the visit").locator("option[value=lead]")).toHaveCount(1);

  await monitorPage.goto(visitPath);
  const monitorTeam = monitorPage.getByRole("region", { name: "Team" });
  await expect(monitorTeam.getByText(`${owner.name} · Team lead`)).toBeVisible();
  await expect(monitorTeam.getByRole("button")).toHaveCount(0);
  await expect(monitorTeam.getByLabel("Their role on the visit")).toHaveCount(0);

  // Named to the team by the owner, as a plain member: still nothing to change.
  await ownerTeam.getByLabel("Member of the workspace").selectOption({ label: `${monitor.name} (${monitor.email})` });
  await ownerTeam.getByLabel("Their role on the visit").selectOption("monitor");
  await ownerTeam.getByRole("button", { name: "Add to the team" }).click();
  await expect(ownerTeam.getByText(`${monitor.name} · Monitor`)).toBeVisible();
  // The picker now offers neither the lead nor the new member: both are on the team.
  await expect(ownerTeam.getByLabel("Member of the workspace").locator("option")).toHaveText(["Choose a member"]);
  await monitorPage.reload();
  await expect(monitorTeam.getByText(`${monitor.name} · Monitor`)).toBeVisible();
  await expect(monitorTeam.getByRole("button")).toHaveCount(0);
});
