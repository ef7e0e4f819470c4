import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { e2eDataDir } from "../playwright.config";

async function ownerClient() {
  const { ownerPassword } = JSON.parse(await readFile(path.join(e2eDataDir, "role-passwords.json"), "utf8")) as { ownerPassword: string };
  const port = Number(process.env.E2E_POSTGRES_PORT ?? 54423);
  const client = new pg.Client({ host: "127.0.0.1", port, user: "vigil_owner", password: ownerPassword, database: "vigil" });
  await client.connect();
  return client;
}

/**
 * A 2024 visit to `placeName` whose report was sent on 1 April 2024 with two recommendations to
 * the police department: no. 1 implemented (answered), no. 2 still open and unanswered, so overdue.
 * Written as the table owner: drafting and sending reports have their own specs.
 */
export async function createSentReport(slug: string, placeName: string): Promise<{ overdueId: string }> {
  const client = await ownerClient();
  try {
    const tenantId = (await client.query<{ id: string }>("SELECT id FROM tenants WHERE slug = $1", [slug])).rows[0]!.id;
    const one = async <T extends pg.QueryResultRow>(sql: string, values: unknown[]) => (await client.query<T>(sql, values)).rows[0]!;
    const authority = await one<{ id: string }>("INSERT INTO authorities (tenant_id, kind, name) VALUES ($1, 'institution', 'Полицијска управа Крушевац') RETURNING id", [tenantId]);
    const place = await one<{ id: string }>("SELECT id FROM places WHERE tenant_id = $1 AND name = $2", [tenantId, placeName]);
    const visit = await one<{ id: string }>(
      "INSERT INTO visits (tenant_id, place_id, type, planned_start, planned_end, status) VALUES ($1, $2, 'ad_hoc', '2024-03-01', '2024-03-01', 'report_sent') RETURNING id",
      [tenantId, place.id],
    );
    const report = await one<{ id: string }>(
      "INSERT INTO reports (tenant_id, visit_id, language, status, sent_at) VALUES ($1, $2, 'en', 'sent', '2024-04-01') RETURNING id",
      [tenantId, visit.id],
    );
    const recommend = (number: number, text: string, status: string, firstResponse: string | null) =>
      one<{ id: string }>(
        `INSERT INTO recommendations (tenant_id, report_id, visit_id, place_id, number, text, status, due_date, first_response_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '2024-05-31', $8) RETURNING id`,
        [tenantId, report.id, visit.id, place.id, number, text, status, firstResponse],
      );
    const implemented = await recommend(1, "Record every arrival and release in the custody register.", "implemented", "2024-05-20");
    const overdue = await recommend(2, "Обновити просторије за задржавање.", "open", null);
    for (const r of [implemented, overdue]) {
      await client.query("INSERT INTO recommendation_addressees (tenant_id, recommendation_id, authority_id) VALUES ($1, $2, $3)", [tenantId, r.id, authority.id]);
    }
    return { overdueId: overdue.id };
  } finally {
    await client.end();
  }
}

/** The authority answers the overdue recommendation: implemented after all. */
export async function answerRecommendation(recommendationId: string): Promise<void> {
  const client = await ownerClient();
  try {
    await client.query("UPDATE recommendations SET status = 'implemented', first_response_at = '2024-06-15' WHERE id = $1", [recommendationId]);
  } finally {
    await client.end();
  }
}
