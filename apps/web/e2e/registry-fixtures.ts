import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { e2eDataDir } from "../playwright.config";

/**
 * A place and a published police custody template for a workspace, written straight into the
 * end-to-end database as the table owner. The registry and template pages are built in parallel
 * (issue 3); once they are merged, specs can create these through the UI instead.
 */
export async function createPlaceWithTemplate(slug: string, placeName: string): Promise<void> {
  const { ownerPassword } = JSON.parse(await readFile(path.join(e2eDataDir, "role-passwords.json"), "utf8")) as { ownerPassword: string };
  const port = Number(process.env.E2E_POSTGRES_PORT ?? 54423);
  const client = new pg.Client({ host: "127.0.0.1", port, user: "vigil_owner", password: ownerPassword, database: "vigil" });
  await client.connect();
  try {
    const tenant = await client.query<{ id: string }>("SELECT id FROM tenants WHERE slug = $1", [slug]);
    const tenantId = tenant.rows[0]?.id;
    if (!tenantId) throw new Error(`no workspace ${slug}`);
    await client.query("INSERT INTO places (tenant_id, name, type, region) VALUES ($1, $2, 'police_custody', 'Rasina')", [tenantId, placeName]);
    const template = await client.query<{ id: string }>(
      "INSERT INTO checklist_templates (tenant_id, name, place_types) VALUES ($1, 'Police custody', '{police_custody}') RETURNING id",
      [tenantId],
    );
    const content = { sections: [{ id: "records", title: { en: "Custody records" }, questions: [{ id: "register", kind: "yes_no_na", text: { en: "Is the register complete?" } }] }] };
    await client.query(
      "INSERT INTO checklist_template_versions (tenant_id, template_id, version, content, languages, published_at) VALUES ($1, $2, 1, $3, '{en}', now())",
      [tenantId, template.rows[0]!.id, JSON.stringify(content)],
    );
  } finally {
    await client.end();
  }
}
