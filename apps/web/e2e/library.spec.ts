import { readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { e2eDataDir } from "../playwright.config";
import { createPlaceWithTemplate } from "./registry-fixtures";
import { newOwner, signUp } from "./support";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
}

/** Version 2 of the workspace's police custody template, with one added question, written as the table owner. */
async function publishVersion2(slug: string): Promise<void> {
  const { ownerPassword } = JSON.parse(await readFile(path.join(e2eDataDir, "role-passwords.json"), "utf8")) as { ownerPassword: string };
  const client = new pg.Client({ host: "127.0.0.1", port: Number(process.env.E2E_POSTGRES_PORT ?? 54423), user: "vigil_owner", password: ownerPassword, database: "vigil" });
  await client.connect();
  try {
    const template = await client.query<{ tenant_id: string; id: string }>(
      "SELECT t.tenant_id, t.id FROM checklist_templates t JOIN tenants w ON w.id = t.tenant_id WHERE w.slug = $1 AND t.name = 'Police custody'",
      [slug],
    );
    const { tenant_id, id } = template.rows[0]!;
    const content = {
      sections: [{
        id: "records", title: { en: "Custody records" },
        questions: [
          { id: "register", kind: "yes_no_na", text: { en: "Is the register complete?" } },
          { id: "lawyer", kind: "yes_no_na", text: { en: "Was a lawyer available from the outset?" } },
        ],
      }],
    };
    await client.query(
      "INSERT INTO checklist_template_versions (tenant_id, template_id, version, content, languages, published_at) VALUES ($1, $2, 2, $3, '{en}', now())",
      [tenant_id, id, JSON.stringify(content)],
    );
  } finally {
    await client.end();
  }
}

async function shareToLibrary(page: Page, slug: string, version: string) {
  await page.goto(`/t/${slug}/templates`);
  await page.getByRole("link", { name: "Police custody" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Police custody" })).toBeVisible();
  // Let the page finish loading its scripts, so the click is not lost to hydration.
  await page.waitForLoadState("networkidle");
  const panel = page.getByRole("region", { name: "Library" });
  await panel.getByLabel("Version to share").selectOption({ label: version });
  await panel.getByLabel("Share with").selectOption({ label: "Every workspace" });
  await panel.getByRole("button", { name: "Publish to the library" }).click();
  await expect(panel.getByRole("link", { name: new RegExp(`^${version} · Every workspace`) })).toBeVisible();
}

test("one NPM publishes a template to the library, another imports it and takes over an update", async ({ browser }) => {
  // Two sign-ups with two-factor enrolment and two workspaces: longer than the default on a shared machine.
  test.setTimeout(300_000);
  const publisherContext = await browser.newContext();
  const importerContext = await browser.newContext();
  const publisherPage = await publisherContext.newPage();
  const importerPage = await importerContext.newPage();
  const publisher = newOwner();
  const importer = newOwner();

  // The publisher shares version 1 of its police custody template with every workspace.
  await signUp(publisherPage, publisher);
  await createPlaceWithTemplate(publisher.slug, "Police Department Kruševac");
  await shareToLibrary(publisherPage, publisher.slug, "Version 1");

  // The importer, in another browser, finds it by publisher and previews it.
  await signUp(importerPage, importer);
  await importerPage.getByRole("link", { name: "Library", exact: true }).click();
  await expect(importerPage.getByRole("heading", { level: 1, name: "Methodology library" })).toBeVisible();
  await importerPage.getByLabel("Published by").selectOption({ label: publisher.workspaceName });
  await importerPage.getByLabel("Place type").selectOption({ label: "Police custody" });
  await importerPage.getByRole("button", { name: "Filter" }).click();
  const results = importerPage.getByRole("list", { name: "Published templates" });
  await expect(results.getByRole("listitem")).toHaveCount(1);
  expect(await seriousViolations(importerPage)).toEqual([]);
  await results.getByRole("link", { name: "Police custody" }).click();
  await expect(importerPage.getByRole("heading", { level: 1, name: "Police custody" })).toBeVisible();
  await expect(importerPage.getByText("Is the register complete?")).toBeVisible();
  expect(await seriousViolations(importerPage)).toEqual([]);

  // Importing makes an editable copy in the importer's workspace that names its source.
  await importerPage.getByRole("button", { name: "Import a copy" }).click();
  await expect(importerPage).toHaveURL(new RegExp(`/t/${importer.slug}/templates/[0-9a-f-]{36}$`));
  await expect(importerPage.getByText(`Imported from ${publisher.workspaceName}, version 1.`)).toBeVisible();
  await expect(importerPage.getByRole("link", { name: "View and edit the draft" })).toBeVisible();
  const importedUrl = importerPage.url();

  // The publisher shares version 2; the importer sees the update and takes the new question.
  await publishVersion2(publisher.slug);
  await shareToLibrary(publisherPage, publisher.slug, "Version 2");
  await importerPage.goto(importedUrl);
  await importerPage.waitForLoadState("networkidle");
  await expect(importerPage.getByText("Version 2 is available.")).toBeVisible();
  await importerPage.getByRole("link", { name: "Review the changes" }).click();
  await expect(importerPage.getByRole("heading", { level: 1, name: "Update from the source" })).toBeVisible();
  const change = importerPage.getByLabel("New question: Was a lawyer available from the outset?");
  await expect(change).toBeChecked();
  expect(await seriousViolations(importerPage)).toEqual([]);
  await importerPage.getByRole("button", { name: "Take the ticked changes" }).click();
  await expect(importerPage).toHaveURL(/\/versions\/[0-9a-f-]{36}$/);
  await expect(importerPage.getByText("Was a lawyer available from the outset?")).toBeVisible();

  await publisherContext.close();
  await importerContext.close();
});
