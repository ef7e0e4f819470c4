import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { e2eDataDir } from "../playwright.config";

export type DemoPages = { visitId: string; placeId: string; recommendationId: string };

/**
 * Ids in the demo Serbian workspace (npm-serbia) for the pages that need one: the Kruševac night
 * visit with its filled checklist and sent report, its place and its first recommendation. Looked
 * up by date rather than by name, so renaming the demo's places does not break the shell spec.
 * Read as the table owner, like the other fixtures.
 */
export async function demoPages(): Promise<DemoPages> {
  const { ownerPassword } = JSON.parse(await readFile(path.join(e2eDataDir, "role-passwords.json"), "utf8")) as { ownerPassword: string };
  const port = Number(process.env.E2E_POSTGRES_PORT ?? 54423);
  const client = new pg.Client({ host: "127.0.0.1", port, user: "vigil_owner", password: ownerPassword, database: "vigil" });
  await client.connect();
  try {
    const found = await client.query<DemoPages>(
      `SELECT v.id AS "visitId", v.place_id AS "placeId", r.id AS "recommendationId"
         FROM visits v
         JOIN tenants t ON t.id = v.tenant_id
         JOIN recommendations r ON r.tenant_id = v.tenant_id AND r.visit_id = v.id
        WHERE t.slug = 'npm-serbia' AND v.planned_start = '2014-06-12' AND v.template_version_id IS NOT NULL
        ORDER BY r.number
        LIMIT 1`,
    );
    const ids = found.rows[0];
    if (!ids) throw new Error("the demo's Kruševac night visit (12 June 2014) with a recommendation is missing");
    return ids;
  } finally {
    await client.end();
  }
}
