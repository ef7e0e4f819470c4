import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { e2eDataDir } from "../playwright.config";

export type SentReport = { placeId: string; visitId: string; ministry: string; institution: string; recommendations: string[] };

/**
 * A visit to a police department in June 2014 whose report was sent on 20 June 2014, with three
 * recommendations to the department and its ministry, due on 19 August 2014 (long overdue),
 * written straight into the test server's embedded database (as its superuser). Drafting and
 * sending reports have their own specs; this one starts after sending.
 */
export async function createSentReportFor(slug: string, email: string, placeName: string): Promise<SentReport> {
  const { password } = JSON.parse(await readFile(path.join(e2eDataDir, "postgres-credentials.json"), "utf8")) as { password: string };
  const port = Number(process.env.E2E_POSTGRES_PORT ?? 54423);
  const client = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/vigil` });
  await client.connect();
  const one = async (sql: string, values: unknown[]) => (await client.query<{ id: string }>(`${sql} RETURNING id`, values)).rows[0]!.id;
  try {
    const { rows } = await client.query<{ tenant_id: string; user_id: string }>(
      "SELECT t.id AS tenant_id, u.id AS user_id FROM tenants t JOIN memberships m ON m.tenant_id = t.id JOIN users u ON u.id = m.user_id WHERE t.slug = $1 AND u.email = $2",
      [slug, email],
    );
    const { tenant_id: tenantId, user_id: userId } = rows[0]!;
    const ministry = await one("INSERT INTO authorities (tenant_id, kind, name) VALUES ($1, 'ministry', 'Ministry of Interior')", [tenantId]);
    const institution = await one("INSERT INTO authorities (tenant_id, kind, name, parent_id) VALUES ($1, 'institution', $2, $3)", [tenantId, `${placeName} (institution)`, ministry]);
    const placeId = await one("INSERT INTO places (tenant_id, name, type, authority_id) VALUES ($1, $2, 'police_custody', $3)", [tenantId, placeName, institution]);
    const visitId = await one(
      "INSERT INTO visits (tenant_id, place_id, type, night_visit, planned_start, planned_end, status) VALUES ($1, $2, 'ad_hoc', true, '2014-06-12', '2014-06-12', 'report_sent')",
      [tenantId, placeId],
    );
    const reportId = await one("INSERT INTO reports (tenant_id, visit_id, language, status, sent_at, sent_by_id) VALUES ($1, $2, 'en', 'sent', '2014-06-20T10:00:00Z', $3)", [tenantId, visitId, userId]);
    const drafts: [string, string[], string[]][] = [
      ["Renovate the detention premises so that they meet the applicable standards.", ["material conditions"], [institution, ministry]],
      ["Record every person's time of arrival and release in the custody register.", ["safeguards"], [institution]],
      ["Train officers on the rights of detained persons.", ["safeguards", "training"], [ministry]],
    ];
    const recommendations: string[] = [];
    for (const [index, [text, tags, addressees]] of drafts.entries()) {
      const id = await one(
        "INSERT INTO recommendations (tenant_id, report_id, visit_id, place_id, number, text, theme_tags, due_date, created_by_id) VALUES ($1, $2, $3, $4, $5, $6, $7, '2014-08-19', $8)",
        [tenantId, reportId, visitId, placeId, index + 1, text, tags, userId],
      );
      for (const authorityId of addressees) {
        await client.query("INSERT INTO recommendation_addressees (tenant_id, recommendation_id, authority_id) VALUES ($1, $2, $3)", [tenantId, id, authorityId]);
      }
      recommendations.push(id);
    }
    return { placeId, visitId, ministry, institution, recommendations };
  } finally {
    await client.end();
  }
}
