import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { e2eDataDir } from "../playwright.config";

/**
 * What drafting a report needs around a visit, written straight into the test server's embedded
 * database: the police department and its ministry, and an earlier visit to the same place whose
 * sent report already asked for the premises to be renovated (so the editor has something similar).
 */
export async function prepareReportFixture(visitId: string, names: { ministry: string; department: string; earlier: string }): Promise<void> {
  const { password } = JSON.parse(await readFile(path.join(e2eDataDir, "postgres-credentials.json"), "utf8")) as { password: string };
  const port = Number(process.env.E2E_POSTGRES_PORT ?? 54423);
  const client = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/vigil` });
  await client.connect();
  try {
    const { rows } = await client.query<{ tenant_id: string; place_id: string }>("SELECT tenant_id, place_id FROM visits WHERE id = $1", [visitId]);
    const { tenant_id: tenantId, place_id: placeId } = rows[0]!;
    const ministry = await client.query<{ id: string }>("INSERT INTO authorities (tenant_id, kind, name) VALUES ($1, 'ministry', $2) RETURNING id", [tenantId, names.ministry]);
    const department = await client.query<{ id: string }>(
      "INSERT INTO authorities (tenant_id, kind, name, parent_id) VALUES ($1, 'institution', $2, $3) RETURNING id",
      [tenantId, names.department, ministry.rows[0]!.id],
    );
    const earlier = await client.query<{ id: string }>(
      "INSERT INTO visits (tenant_id, place_id, type, planned_start, planned_end, status) VALUES ($1, $2, 'in_depth', current_date - 400, current_date - 400, 'report_sent') RETURNING id",
      [tenantId, placeId],
    );
    const report = await client.query<{ id: string }>(
      "INSERT INTO reports (tenant_id, visit_id, language, status, sent_at) VALUES ($1, $2, 'en', 'sent', current_date - 390) RETURNING id",
      [tenantId, earlier.rows[0]!.id],
    );
    const recommendation = await client.query<{ id: string }>(
      "INSERT INTO recommendations (tenant_id, report_id, visit_id, place_id, number, text, due_date) VALUES ($1, $2, $3, $4, 1, $5, current_date - 330) RETURNING id",
      [tenantId, report.rows[0]!.id, earlier.rows[0]!.id, placeId, names.earlier],
    );
    await client.query("INSERT INTO recommendation_addressees (tenant_id, recommendation_id, authority_id) VALUES ($1, $2, $3)", [tenantId, recommendation.rows[0]!.id, department.rows[0]!.id]);
  } finally {
    await client.end();
  }
}
