// Measures the recommendation list queries on a large workspace (not part of `pnpm test`):
// `DATABASE_ADMIN_URL=postgres://... pnpm --filter @vigil/api exec tsx scripts/explain-recommendations.ts`.
// Creates a scratch database, one workspace with 20,000 recommendations (100,000 updates) beside a
// smaller one, then runs each list procedure's SQL (captured at the driver) under EXPLAIN ANALYZE with
// row-level security on, and prints the p50/p95 of the service calls and the indexes each plan uses.
import pg from "pg";
import { createTestDatabase } from "@vigil/db/testing";

const database = await createTestDatabase();
process.env.DATABASE_URL = database.appUrl;
process.env.DATABASE_OWNER_URL = database.ownerUrl;
const { withTenant, disconnectAppDb } = await import("@vigil/db");
const { listRecommendations, placeRecommendationHistory } = await import("../src/recommendations/list.ts");

const owner = new pg.Client({ connectionString: database.ownerUrl });
await owner.connect();
async function seed(slug: string, places: number, visitsPerPlace: number, recommendationsPerVisit: number, updatesPerRecommendation: number) {
  const tenant = (await owner.query<{ id: string }>("INSERT INTO tenants (slug, name, country_code, default_locale) VALUES ($1, $1, 'RS', 'en') RETURNING id", [slug])).rows[0]!.id;
  await owner.query(`
    WITH a AS (INSERT INTO authorities (tenant_id, kind, name) SELECT $1, 'ministry', 'Ministry ' || g FROM generate_series(1, 20) g RETURNING id)
    SELECT count(*) FROM a`, [tenant]);
  await owner.query(`INSERT INTO places (tenant_id, name, type) SELECT $1, 'Place ' || g, 'prison' FROM generate_series(1, $2::int) g`, [tenant, places]);
  await owner.query(`
    INSERT INTO visits (tenant_id, place_id, type, planned_start, planned_end, status)
    SELECT $1, p.id, 'ad_hoc', d, d, 'report_sent'
      FROM places p, LATERAL (SELECT date '2010-01-01' + (random() * 5000)::int AS d FROM generate_series(1, $2::int)) v
     WHERE p.tenant_id = $1`, [tenant, visitsPerPlace]);
  await owner.query(`INSERT INTO reports (tenant_id, visit_id, language, status, sent_at) SELECT $1, id, 'en', 'sent', planned_start + 10 FROM visits WHERE tenant_id = $1`, [tenant]);
  await owner.query(`
    INSERT INTO recommendations (tenant_id, report_id, visit_id, place_id, number, text, theme_tags, status, due_date, first_response_at, created_at)
    SELECT $1, r.id, v.id, v.place_id, n, 'Recommendation ' || n || ' of ' || v.id,
           ARRAY[(ARRAY['safeguards','material conditions','health','regime','training'])[1 + (n % 5)]],
           (ARRAY['open','accepted','in_progress','implemented','partially_implemented','not_implemented','rejected']::recommendation_status[])[1 + ((n * 7 + extract(doy FROM v.planned_start)::int) % 7)],
           v.planned_start + 70, CASE WHEN n % 3 = 0 THEN NULL ELSE v.planned_start + 80 END, v.planned_start + 10 + (n || ' minutes')::interval
      FROM reports r JOIN visits v ON v.tenant_id = r.tenant_id AND v.id = r.visit_id, generate_series(1, $2::int) n
     WHERE r.tenant_id = $1`, [tenant, recommendationsPerVisit]);
  await owner.query(`
    INSERT INTO recommendation_addressees (tenant_id, recommendation_id, authority_id)
    SELECT $1, r.id, a.id FROM recommendations r
      JOIN LATERAL (SELECT id FROM authorities WHERE tenant_id = $1 ORDER BY md5(r.id::text || id::text) LIMIT 2) a ON true
     WHERE r.tenant_id = $1`, [tenant]);
  await owner.query(`
    INSERT INTO recommendation_updates (tenant_id, recommendation_id, occurred_on, source, resulting_status, text)
    SELECT $1, r.id, r.due_date + g * 30, 'authority_response', r.status, 'Update ' || g FROM recommendations r, generate_series(1, $2::int) g WHERE r.tenant_id = $1`,
    [tenant, updatesPerRecommendation]);
  return tenant;
}
const started = performance.now();
const big = await seed("big", 250, 20, 4, 5);
await seed("small", 20, 5, 4, 2);
await owner.query("ANALYZE");
const counts = (await owner.query("SELECT (SELECT count(*) FROM recommendations WHERE tenant_id = $1) AS recommendations, (SELECT count(*) FROM recommendation_updates WHERE tenant_id = $1) AS updates", [big])).rows[0];
console.log(`seeded in ${Math.round(performance.now() - started)} ms:`, counts);

const somePlace = (await owner.query<{ id: string }>("SELECT id FROM places WHERE tenant_id = $1 LIMIT 1", [big])).rows[0]!.id;
const someAuthority = (await owner.query<{ id: string }>("SELECT id FROM authorities WHERE tenant_id = $1 LIMIT 1", [big])).rows[0]!.id;

const allCases: [string, Parameters<typeof listRecommendations>[1] | "history"][] = [
  ["list (no filter)", { limit: 25 }],
  ["list status open+accepted", { limit: 25, status: ["open", "accepted"] }],
  ["list authority", { limit: 25, authorityId: someAuthority }],
  ["list place", { limit: 25, placeId: somePlace }],
  ["list tag", { limit: 25, tag: "health" }],
  ["list overdue", { limit: 25, overdue: true }],
  ["place history", "history"],
];

const cases = process.env.ONLY ? allCases.filter(([name]) => name.startsWith(process.env.ONLY!)) : allCases;
// Capture the SQL each call sends, to EXPLAIN it afterwards.
const captured: { text: string; values: unknown[] }[] = [];
let capturing = false;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [first, second] = args as [unknown, unknown];
  if (capturing && typeof first === "object" && first && "text" in first) captured.push({ text: (first as { text: string }).text, values: (first as { values?: unknown[] }).values ?? [] });
  else if (capturing && typeof first === "string") captured.push({ text: first, values: Array.isArray(second) ? second : [] });
  return (original as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

// The floor: an empty tenant transaction (BEGIN, set_config, SELECT 1, COMMIT) on this machine.
{
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await withTenant(big, null, (tx) => tx.$queryRaw`SELECT 1`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`empty tenant transaction: p50 ${times[15]!.toFixed(1)} ms, p95 ${times[28]!.toFixed(1)} ms`);
}
for (const [name, input] of cases) {
  const run = (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) => (input === "history" ? placeRecommendationHistory(tx, somePlace) : listRecommendations(tx, input));
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await withTenant(big, null, run);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  captured.length = 0;
  capturing = true;
  await withTenant(big, null, run);
  capturing = false;
  const indexes = new Set<string>();
  let seqScans = 0;
  await withTenant(big, null, async (tx) => {
    for (const statement of captured.filter((s) => /^\s*SELECT/i.test(s.text) && !s.text.includes("set_config"))) {
      const plan = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, COSTS OFF) ${statement.text}`, ...statement.values);
      if (process.env.VERBOSE) console.log(`--- ${statement.text.slice(0, 400)}\n${plan.map((p) => p["QUERY PLAN"]).join("\n")}`);
      for (const line of plan.map((p) => p["QUERY PLAN"])) {
        const index = /using (\w+)/i.exec(line)?.[1];
        if (index) indexes.add(index);
        if (/Seq Scan on (recommendations|recommendation_updates|recommendation_addressees)\b/.test(line)) seqScans += 1;
      }
    }
  });
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(`${name}: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, ${captured.length} statements, seq scans on big tables: ${seqScans}, indexes: ${[...indexes].join(", ")}`);
}
pg.Client.prototype.query = original;
await owner.end();
await disconnectAppDb();
await database.dispose();
