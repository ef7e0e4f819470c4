import { readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { e2eDataDir } from "../playwright.config";
import { newOwner, signUp } from "./support";

/**
 * Organising forums is the Network plan's feature: the organiser's subscription is written as Stripe's
 * webhooks would leave it (billing.spec.ts covers Checkout itself).
 */
async function subscribeToNetworkPlan(slug: string): Promise<void> {
  const { ownerPassword } = JSON.parse(await readFile(path.join(e2eDataDir, "role-passwords.json"), "utf8")) as { ownerPassword: string };
  const client = new pg.Client({ host: "127.0.0.1", port: Number(process.env.E2E_POSTGRES_PORT ?? 54423), user: "vigil_owner", password: ownerPassword, database: "vigil" });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO workspace_billing (tenant_id, stripe_customer_id, plan_key, status)
       SELECT id, 'cus_e2e_' || slug, 'network', 'active' FROM tenants WHERE slug = $1
       ON CONFLICT (tenant_id) DO UPDATE SET plan_key = 'network', status = 'active'`,
      [slug],
    );
  } finally {
    await client.end();
  }
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}

test("an organiser creates a forum and invites an NPM, which accepts and shares a document", async ({ browser }) => {
  // Two sign-ups with two-factor enrolment: longer than the default on a shared machine.
  test.setTimeout(300_000);
  const organiserContext = await browser.newContext();
  const participantContext = await browser.newContext();
  const organiserPage = await organiserContext.newPage();
  const participantPage = await participantContext.newPage();
  const organiser = newOwner();
  const participant = newOwner();
  await signUp(participantPage, participant);
  await signUp(organiserPage, organiser);
  await subscribeToNetworkPlan(organiser.slug);

  // The organiser creates the forum, adds an agenda item and invites the participant from the directory.
  await organiserPage.getByRole("link", { name: "Forums" }).click();
  await expect(organiserPage.getByRole("heading", { name: "No forums yet" })).toBeVisible();
  await organiserPage.waitForLoadState("networkidle");
  await organiserPage.getByLabel("Name", { exact: true }).fill("First South-East European OPCAT Forum");
  await organiserPage.getByLabel("First day").fill("2014-11-27");
  await organiserPage.getByLabel("Last day").fill("2014-11-27");
  await organiserPage.getByLabel("Place").fill("Belgrade");
  await organiserPage.getByRole("button", { name: "Create" }).click();
  await expect(organiserPage.getByRole("heading", { level: 1, name: "First South-East European OPCAT Forum" })).toBeVisible();
  await organiserPage.waitForLoadState("networkidle");
  await organiserPage.getByLabel("Time").fill("10:00");
  await organiserPage.getByLabel("Item", { exact: true }).fill("Methodology of visits to police custody");
  await organiserPage.getByRole("button", { name: "Add" }).click();
  await expect(organiserPage.getByText("10:00 · Methodology of visits to police custody")).toBeVisible();
  await organiserPage.getByRole("group", { name: "Invite workspaces" }).getByLabel(participant.workspaceName).check();
  await organiserPage.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(organiserPage.getByText("Invitations sent.")).toBeVisible();
  await expect(organiserPage.getByRole("region", { name: "Participants" }).getByText("Invited")).toBeVisible();
  expect(await seriousViolations(organiserPage)).toEqual([]);

  // The participant sees the invitation, accepts it and reaches the forum's content.
  await participantPage.getByRole("link", { name: "Forums" }).click();
  await expect(participantPage.getByRole("heading", { name: "Invitations" })).toBeVisible();
  await participantPage.waitForLoadState("networkidle");
  await participantPage.getByRole("button", { name: "Accept the invitation to First South-East European OPCAT Forum" }).click();
  await expect(participantPage.getByRole("heading", { level: 1, name: "First South-East European OPCAT Forum" })).toBeVisible();
  await expect(participantPage.getByText("Methodology of visits to police custody")).toBeVisible();
  await expect(participantPage.getByText(/Not enough participants/)).toBeVisible();
  await participantPage.waitForLoadState("networkidle");
  await participantPage.getByLabel("Title").fill("Annual report 2013");
  await participantPage.getByLabel("Link").fill("https://example.org/annual-report-2013.pdf");
  await participantPage.getByRole("button", { name: "Share" }).click();
  await expect(participantPage.getByRole("link", { name: "Annual report 2013" })).toBeVisible();
  expect(await seriousViolations(participantPage)).toEqual([]);

  // The organiser sees the document and the participant taking part.
  await organiserPage.reload();
  await expect(organiserPage.getByRole("link", { name: "Annual report 2013" })).toBeVisible();
  await expect(organiserPage.getByRole("region", { name: "Participants" }).getByText(participant.workspaceName)).toBeVisible();

  await organiserContext.close();
  await participantContext.close();
});
