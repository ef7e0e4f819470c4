import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { e2eDataDir } from "../playwright.config";

/**
 * A place and an in-progress visit with `email` on its team, written straight into the test server's
 * embedded database (as its superuser): planning visits has its own specs, and these tests only need
 * one to exist.
 */
async function connectToTestDatabase(): Promise<pg.Client> {
  const { password } = JSON.parse(await readFile(path.join(e2eDataDir, "postgres-credentials.json"), "utf8")) as { password: string };
  const port = Number(process.env.E2E_POSTGRES_PORT ?? 54423);
  const client = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/vigil` });
  await client.connect();
  return client;
}

/** Makes the account `email` a member of the workspace `slug` with `role` (as an accepted invitation would). */
export async function addToWorkspace(slug: string, email: string, role: "admin" | "coordinator" | "monitor" | "viewer"): Promise<void> {
  const client = await connectToTestDatabase();
  try {
    await client.query(
      "INSERT INTO memberships (tenant_id, user_id, role) SELECT t.id, u.id, $3::member_role FROM tenants t, users u WHERE t.slug = $1 AND u.email = $2",
      [slug, email, role],
    );
  } finally {
    await client.end();
  }
}

export async function createVisitFor(slug: string, email: string, placeName: string): Promise<string> {
  const { password } = JSON.parse(await readFile(path.join(e2eDataDir, "postgres-credentials.json"), "utf8")) as { password: string };
  const port = Number(process.env.E2E_POSTGRES_PORT ?? 54423);
  const client = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/vigil` });
  await client.connect();
  try {
    const { rows } = await client.query<{ tenant_id: string; user_id: string }>(
      "SELECT t.id AS tenant_id, u.id AS user_id FROM tenants t JOIN memberships m ON m.tenant_id = t.id JOIN users u ON u.id = m.user_id WHERE t.slug = $1 AND u.email = $2",
      [slug, email],
    );
    const { tenant_id: tenantId, user_id: userId } = rows[0]!;
    const place = await client.query<{ id: string }>("INSERT INTO places (tenant_id, name, type) VALUES ($1, $2, 'police_custody') RETURNING id", [tenantId, placeName]);
    const visit = await client.query<{ id: string }>(
      "INSERT INTO visits (tenant_id, place_id, type, night_visit, planned_start, planned_end, status) VALUES ($1, $2, 'ad_hoc', true, current_date, current_date, 'in_progress') RETURNING id",
      [tenantId, place.rows[0]!.id],
    );
    await client.query("INSERT INTO visit_team_members (tenant_id, visit_id, user_id, visit_role) VALUES ($1, $2, $3, 'lead')", [tenantId, visit.rows[0]!.id, userId]);
    return visit.rows[0]!.id;
  } finally {
    await client.end();
  }
}

/** Puts the account `email` on a visit's team (as a lead or coordinator would), straight in the database. */
export async function addToVisitTeam(visitId: string, email: string, visitRole: "lead" | "monitor" = "monitor"): Promise<void> {
  const client = await connectToTestDatabase();
  try {
    await client.query(
      "INSERT INTO visit_team_members (tenant_id, visit_id, user_id, visit_role) SELECT v.tenant_id, v.id, u.id, $3::visit_role FROM visits v, users u WHERE v.id = $1 AND u.email = $2",
      [visitId, email, visitRole],
    );
  } finally {
    await client.end();
  }
}

/** Reads the test server's database as its superuser, for a spec to check what reached it. */
export async function queryTestDatabase<T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<T[]> {
  const client = await connectToTestDatabase();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
