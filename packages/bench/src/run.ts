import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { createTestDatabase } from "@vigil/db/testing";
import pg from "pg";
import { captureStatements, workStatements, type Statement } from "./capture.ts";
import { measureInterleaved, type Timing } from "./measure.ts";
import { planSummary, type PlanSummary } from "./plans.ts";
import { PROCEDURES } from "./procedures.ts";
import { singleTenantCopy } from "./single-tenant-copy.ts";
import { BIG, fillWorkspace, NORMAL } from "./synthetic.ts";

/**
 * `pnpm bench`: a throwaway database with one big synthetic workspace beside a few normal ones,
 * then p50/p95 of the dashboard and list procedures through the tRPC caller (row-level security on),
 * of the same statements as raw SQL as the application role (RLS on), and as the table owner
 * (which bypasses RLS). Goals (issue 4 §5): dashboard p95 ≤ 150 ms, ≤ 1.5× raw SQL, RLS ≤ 10 %.
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
/** Short procedures run more rounds than BENCH_RUNS, until this many milliseconds have passed. */
const MIN_MS = Number(process.env.BENCH_MIN_MS ?? 3000);
/** BENCH_ONLY=dashboard.implementation measures only the procedures whose path contains it. */
const ONLY = process.env.BENCH_ONLY;
const GOALS = { dashboardP95Ms: 150, ratioToRaw: 1.5, rlsExtra: 0.1 };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

async function connect(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Replays statements in one transaction bound to the tenant, as tenantProcedure does; returns what they read. */
async function replay(client: pg.Client, tenantId: string, userId: string, statements: Statement[]): Promise<pg.QueryResult[]> {
  const results: pg.QueryResult[] = [];
  await client.query("BEGIN");
  try {
    await client.query("SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)", [tenantId, userId]);
    for (const s of statements) results.push(await client.query(s.text, s.values));
  } finally {
    await client.query("COMMIT");
  }
  return results;
}

/** JSON with object keys sorted: json_object_agg's key order follows the plan's row order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/** The rows of a replay, order aside (plans without ORDER BY may differ in it). */
const fingerprint = (results: pg.QueryResult[]) => JSON.stringify(results.map((r) => r.rows.map(canonical).sort()));

const ms = (value: number) => value.toFixed(1);
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const started = performance.now();
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.appUrl;
  process.env.DATABASE_OWNER_URL = database.ownerUrl;
  process.env.LOG_LEVEL ??= "silent";
  const keep = process.env.BENCH_KEEP === "1";
  let dropCopy = async (): Promise<unknown> => undefined;
  try {
    const { callerFor, createTestUser, createTestWorkspace } = await import("@vigil/api/testing");
    const { appRouter } = await import("@vigil/api");
    const { disconnectAppDb } = await import("@vigil/db");
    const { disconnectPrivilegedDb } = await import("@vigil/db/privileged");

    const owner = await createTestUser("Bench Owner");
    const big = await createTestWorkspace(owner);
    const others = [];
    for (let i = 0; i < 3; i++) others.push(await createTestWorkspace(await createTestUser()));

    const ownerDb = await connect(database.ownerUrl);
    const fillStart = performance.now();
    for (const [workspace, scale] of [[big, BIG] as const, ...others.map((w) => [w, NORMAL] as const)]) {
      await ownerDb.query("BEGIN");
      await fillWorkspace(ownerDb, workspace.id, scale);
      await ownerDb.query("COMMIT");
    }
    // VACUUM as autovacuum would have by now: index-only scans need the visibility map.
    await ownerDb.query("VACUUM ANALYZE");
    log(`Synthetic data in ${((performance.now() - fillStart) / 1000).toFixed(1)} s (database ${database.database}).`);
    const sizes = await ownerDb.query<{ table: string; rows: number }>(
      `SELECT t AS table, (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I WHERE tenant_id = %L', t, $1::text), false, true, '')))[1]::text::int AS rows
         FROM unnest(ARRAY['visits', 'places', 'authorities', 'reports', 'recommendations', 'recommendation_addressees', 'recommendation_updates', 'checklist_answers', 'interviews']) t`,
      [big.id],
    );
    log(`Big workspace: ${sizes.rows.map((r) => `${r.table} ${r.rows.toLocaleString("en")}`).join(", ")}; plus ${others.length} normal workspaces.`);

    // The owner replays on a copy holding the big workspace's rows only (single-tenant-copy.ts).
    await ownerDb.end();
    await disconnectAppDb();
    await disconnectPrivilegedDb();
    const ownerCopy = await singleTenantCopy({ adminUrl: database.adminUrl, ownerUrl: database.ownerUrl, database: database.database, tenantId: big.id });
    dropCopy = ownerCopy.drop;
    // The replays get connections of their own, opened now: a backend that has just written the
    // synthetic data has its memory already grown, and ran the aggregates about a third faster
    // than a fresh connection (as the owner's replays did before, which looked like RLS cost).
    const appDb = await connect(database.appUrl);
    const ownerReplayDb = await connect(ownerCopy.ownerUrl);
    const { caller } = await callerFor(owner);
    const known = new Set(Object.keys(appRouter._def.procedures));
    type Row = {
      procedure: string; input: Record<string, unknown>; dashboard: boolean; statements: number; trpc: Timing; raw: Timing; owner: Timing;
      ratioP50: number; ratioP95: number;
      /** null when there is nothing to compare: no statements of its own, or the owner reads other rows (ownerReadsMore). */
      rlsExtraP50: number | null;
      /** As the owner the statements return other rows: they leave the tenant filter to row-level security alone. */
      ownerReadsMore: boolean;
      plans: PlanSummary;
    };
    const results: Row[] = [];
    const skipped: { procedure: string; reason: string }[] = [];
    for (const { path: procedurePath, input, dashboard } of PROCEDURES.filter((p) => !ONLY || p.path.includes(ONLY))) {
      const label = `${procedurePath}(${JSON.stringify(input)})`;
      if (!known.has(procedurePath)) {
        skipped.push({ procedure: label, reason: "not in the router (yet)" });
        continue;
      }
      const procedure = procedurePath.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
      const call = () => procedure({ tenantSlug: big.slug, ...input });
      let statements: Statement[];
      try {
        statements = workStatements(await captureStatements(call));
      } catch (error) {
        skipped.push({ procedure: label, reason: error instanceof Error ? error.message : String(error) });
        continue;
      }
      // The owner's replay is "the same query without row-level security" only if it reads the
      // same rows; a statement that leaves the tenant filter to the policies reads every workspace's.
      const ownerReadsMore = fingerprint(await replay(ownerReplayDb, big.id, owner.id, statements)) !== fingerprint(await replay(appDb, big.id, owner.id, statements));
      const [trpc, raw, asOwner] = (await measureInterleaved(
        [call, () => replay(appDb, big.id, owner.id, statements), () => replay(ownerReplayDb, big.id, owner.id, statements)],
        { warmup: WARMUP, runs: RUNS, minMs: MIN_MS },
      )) as [Timing, Timing, Timing];
      results.push({
        procedure: label, input, dashboard, statements: statements.length, trpc, raw, owner: asOwner,
        ratioP50: trpc.p50 / raw.p50, ratioP95: trpc.p95 / raw.p95,
        rlsExtraP50: statements.length === 0 || ownerReadsMore ? null : raw.p50 / asOwner.p50 - 1, ownerReadsMore,
        plans: await planSummary(appDb, big.id, owner.id, statements),
      });
    }

    const header = ["procedure", "stmts", "tRPC p50", "tRPC p95", "raw p50", "raw p95", "×raw p50", "×raw p95", "owner p50", "RLS extra"];
    const lines = results.map((r) => [
      r.procedure, String(r.statements), ms(r.trpc.p50), ms(r.trpc.p95), ms(r.raw.p50), ms(r.raw.p95),
      r.ratioP50.toFixed(2), r.ratioP95.toFixed(2), `${ms(r.owner.p50)}${r.ownerReadsMore ? "*" : ""}`,
      r.rlsExtraP50 === null ? "—" : `${(r.rlsExtraP50 * 100).toFixed(1)} %`,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
    const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
    log("");
    log(`Milliseconds, at least ${RUNS} interleaved rounds (and ${MIN_MS / 1000} s) per procedure after ${WARMUP} warm-up rounds; raw = the same statements as the app role in a tenant transaction (RLS on); owner = as the table owner (RLS bypassed) on a copy holding only this workspace's rows.`);
    log(format(header));
    log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const line of lines) log(format(line));
    if (results.some((r) => r.ownerReadsMore)) {
      log("* as the owner these statements read other rows than the app role: no like-for-like RLS figure.");
    }
    for (const s of skipped) log(`skipped ${s.procedure}: ${s.reason}`);
    log("");
    log("Plans as the app role (indexes used; tables read by a sequential scan):");
    for (const r of results) {
      if (r.statements === 0) continue;
      log(`${r.procedure}: ${r.plans.indexes.join(", ") || "no index"}${r.plans.seqScans.length > 0 ? `; seq scan: ${r.plans.seqScans.join(", ")}` : ""}`);
    }

    const dashboardRows = results.filter((r) => r.dashboard);
    // null: no row measured it (BENCH_ONLY left out the dashboard, or no procedure had an RLS figure).
    const highest = (values: number[]) => (values.length === 0 ? null : Math.max(...values));
    const worst = {
      dashboardP95Ms: highest(dashboardRows.map((r) => r.trpc.p95)),
      ratioToRaw: highest(dashboardRows.map((r) => r.ratioP50)),
      rlsExtra: highest(results.flatMap((r) => (r.rlsExtraP50 === null ? [] : [r.rlsExtraP50]))),
    };
    const goal = (label: string, value: number | null, limit: number, shown: (v: number) => string) =>
      value === null ? `${label} not measured` : `${label} up to ${shown(value)} (≤ ${shown(limit)}) ${value <= limit ? "met" : "NOT met"}`;
    log("");
    log(`Goals: ${[
      goal("dashboard p95", worst.dashboardP95Ms, GOALS.dashboardP95Ms, (v) => `${ms(v)} ms`),
      goal("tRPC/raw p50", worst.ratioToRaw, GOALS.ratioToRaw, (v) => `${v.toFixed(2)}×`),
      goal("RLS extra", worst.rlsExtra, GOALS.rlsExtra, (v) => `${(v * 100).toFixed(1)} %`),
    ].join("; ")}.`);

    const outDir = path.join(root, "bench-results");
    await mkdir(outDir, { recursive: true });
    const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    await writeFile(file, JSON.stringify({ at: new Date().toISOString(), warmup: WARMUP, runs: RUNS, minMs: MIN_MS, sizes: sizes.rows, goals: GOALS, worst, results, skipped }, null, 2));
    log(`Written ${path.relative(root, file)} in ${((performance.now() - started) / 1000).toFixed(0)} s total.`);
    if (keep) log(`Kept the databases (BENCH_KEEP=1): ${database.ownerUrl} and the owner's copy ${ownerCopy.ownerUrl}`);

    await appDb.end();
    await ownerReplayDb.end();
    await disconnectAppDb();
  } finally {
    if (!keep) {
      await dropCopy();
      await database.dispose();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
