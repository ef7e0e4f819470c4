import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { createTestDatabase } from "@vigil/db/testing";
import pg from "pg";
import { httpClient, signIn } from "./http.ts";
import { benchPages, type PageReport } from "./page-bench.ts";
import { pageIds } from "./pages.ts";
import { benchProcedures } from "./procedure-bench.ts";
import { benchPublicSite, preparePublicSite, PUBLIC_GOAL_RATIO, publicSiteTable, type PublicSiteReport } from "./public-site-bench.ts";
import { markdownTable, pageTables, procedureTables, textTable, type Table } from "./report.ts";
import { startBuiltServer } from "./server.ts";
import { singleTenantCopy } from "./single-tenant-copy.ts";
import { BIG, fillWorkspace, NORMAL } from "./synthetic.ts";

/**
 * `pnpm bench`: a throwaway database with one big synthetic workspace beside a few normal ones, then
 * 1. the pages (decision 0175): the built web server on that database, signed in, each main page
 *    against its procedures in-process and over /api/trpc, requests/s at 10 connections, the
 *    JavaScript each page preloads, the server's memory after start and in two soaks;
 * 2. the procedures: p50/p95 through the tRPC caller (row-level security on), of the same statements
 *    as raw SQL as the application role (RLS on) and as the table owner (RLS bypassed), the RLS
 *    figure as the median of per-round ratios with its spread (decision 0176).
 * BENCH_QUICK=1 runs everything with fewer samples (a few minutes); BENCH_ONLY picks one part.
 */
const QUICK = process.env.BENCH_QUICK === "1";
const setting = (name: string, normal: number, quick: number) => Number(process.env[name] ?? (QUICK ? quick : normal));
const WARMUP = setting("BENCH_WARMUP", 5, 2);
const RUNS = setting("BENCH_RUNS", 50, 20);
/** Short procedures run more rounds than BENCH_RUNS, until this many milliseconds have passed. */
const MIN_MS = setting("BENCH_MIN_MS", 3000, 1500);
/** The RLS figure's rounds: each procedure's runs are cut into this many, spread over the run. */
const ROUNDS = setting("BENCH_ROUNDS", 7, 5);
const PAGE_RUNS = setting("BENCH_PAGE_RUNS", 40, 12);
const PAGE_MIN_MS = setting("BENCH_PAGE_MIN_MS", 3000, 0);
const LOAD_S = setting("BENCH_LOAD_S", 10, 3);
const SOAK_S = setting("BENCH_SOAK_S", 20, 8);
const CONNECTIONS = setting("BENCH_CONNECTIONS", 10, 10);
const PORT = setting("BENCH_PORT", 4392, 4392);
/**
 * BENCH_ONLY=<part>: `public` measures only the public site against a signed-in page (no page table,
 * no procedures; the storage bench skips itself); any other value, e.g. dashboard.implementation,
 * measures only the procedures whose path contains it.
 */
const ONLY = process.env.BENCH_ONLY;
const PUBLIC_ONLY = ONLY === "public";
/** BENCH_PAGES=0 leaves out the page part (no build, no server). */
const PAGES = process.env.BENCH_PAGES !== "0";
const GOALS = { dashboardP95Ms: 150, ratioToRaw: 1.5, rlsExtra: 0.1, pageRatio: 2, httpRatio: 1.5 };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const webDir = path.join(root, "apps/web");

const ms = (value: number) => value.toFixed(1);
const log = (line: string) => process.stdout.write(`${line}\n`);

async function connect(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function main() {
  // The storage part is storage-bench.ts, which `pnpm bench` runs next.
  if (ONLY === "storage") return;
  const started = performance.now();
  if (PAGES && process.env.BENCH_BUILD !== "0") {
    log("Building the web app (turbo run build --filter=@vigil/web) ...");
    execFileSync("pnpm", ["exec", "turbo", "run", "build", "--filter=@vigil/web", "--output-logs=errors-only"], { cwd: root, stdio: "inherit" });
  }
  const database = await createTestDatabase();
  process.env.DATABASE_URL = database.appUrl;
  process.env.DATABASE_OWNER_URL = database.ownerUrl;
  process.env.LOG_LEVEL ??= "silent";
  // A throwaway key: the owner's two-factor secret is sealed with it here and opened by the server.
  process.env.INTERVIEW_NOTES_KEYS ??= `bench:${randomBytes(32).toString("base64")}`;
  const keep = process.env.BENCH_KEEP === "1";
  let dropCopy = async (): Promise<unknown> => undefined;
  try {
    const { callerFor, createTestUser, createTestWorkspace, enrolTestTwoFactor, TEST_PASSWORD } = await import("@vigil/api/testing");
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
    const ids = await pageIds(ownerDb, big.id, big.slug);
    await preparePublicSite(ownerDb, big.id);
    await ownerDb.end();

    const tables: Table[] = [];
    let pages: PageReport | null = null;
    let publicSite: PublicSiteReport | null = null;
    if (PAGES) {
      // The built server on the bench database, signed in as the big workspace's owner through
      // the sign-in form's procedures (password, then the authenticator's code).
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "vigil-bench-"));
      const server = await startBuiltServer({ webDir, port: PORT, env: { DATABASE_URL: database.appUrl, DATABASE_OWNER_URL: database.ownerUrl, VIGIL_DATA_DIR: dataDir, INTERVIEW_NOTES_KEYS: process.env.INTERVIEW_NOTES_KEYS } });
      try {
        // Before any request: what the process holds once it says it is ready.
        const afterStartMb = await server.rssMb();
        log(`Built server ready at ${server.url} (pid ${server.pid}), RSS ${afterStartMb.toFixed(0)} MB. Pages:`);
        const client = httpClient(server.url, 1);
        const token = await signIn(client, owner.email, TEST_PASSWORD, await enrolTestTwoFactor(owner.id));
        const { caller } = await callerFor({ token });
        if (!PUBLIC_ONLY) pages = await benchPages({
          server, afterStartMb, clientDir: path.join(webDir, "build/client"), ids, caller: caller as unknown as Record<string, unknown>, cookie: client.cookie(), log,
          warmup: WARMUP, runs: PAGE_RUNS, minMs: PAGE_MIN_MS, loadSeconds: LOAD_S, soakSeconds: SOAK_S, connections: CONNECTIONS,
        });
        publicSite = await benchPublicSite({ server, slug: big.slug, cookie: client.cookie(), connections: CONNECTIONS, seconds: LOAD_S, log });
        client.close();
      } catch (error) {
        log(`The server's last output:\n${server.output()}`);
        throw error;
      } finally {
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
      if (pages) tables.push(...pageTables(pages, GOALS));
      if (publicSite) tables.push(publicSiteTable(publicSite));
    }
    if (PUBLIC_ONLY) {
      for (const table of tables) for (const line of textTable(table)) log(line);
      if (publicSite) log(`Goal: public page ÷ signed-in page ${publicSite.ratio.toFixed(1)}× (≥ ${PUBLIC_GOAL_RATIO}×) ${publicSite.ratio >= PUBLIC_GOAL_RATIO ? "met" : "NOT met"}.`);
      await disconnectAppDb();
      await disconnectPrivilegedDb();
      return;
    }

    // The owner replays on a copy holding the big workspace's rows only (single-tenant-copy.ts).
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
    log("Procedures ...");
    const procedures = await benchProcedures(
      caller as unknown as Record<string, unknown>, new Set(Object.keys(appRouter._def.procedures)),
      { appDb, ownerDb: ownerReplayDb, tenantId: big.id, userId: owner.id, slug: big.slug },
      { warmup: WARMUP, runs: RUNS, minMs: MIN_MS, rounds: ROUNDS, only: ONLY, tolerance: GOALS.rlsExtra },
    );
    const results = procedures.rows;
    tables.push(...procedureTables(results, procedures.skipped,
      `At least ${RUNS} interleaved runs (and ${MIN_MS / 1000} s) per procedure in ${ROUNDS} rounds after ${WARMUP} warm-up runs; raw = the same statements as the app role in a tenant transaction (RLS on); owner = as the table owner (RLS bypassed) on a copy holding only this workspace's rows.`,
      GOALS.rlsExtra));
    for (const table of tables) for (const line of textTable(table)) log(line);
    log("");
    log("Plans as the app role (indexes used; tables read by a sequential scan):");
    for (const r of results) {
      if (r.statements === 0) continue;
      const shown = (plans: typeof r.plans) => `${plans.indexes.join(", ") || "no index"}${plans.seqScans.length > 0 ? `; seq scan: ${plans.seqScans.join(", ")}` : ""}`;
      log(`${r.procedure}: ${shown(r.plans)}`);
      // The owner's copy holds one workspace, so its statistics differ and its planner may choose otherwise.
      if (shown(r.ownerPlans) !== shown(r.plans)) log(`  as the owner on the copy (another plan: the RLS figure compares plans too): ${shown(r.ownerPlans)}`);
    }

    const dashboardRows = results.filter((r) => r.dashboard);
    // null: no row measured it (BENCH_ONLY left out the dashboard, or no procedure had an RLS figure).
    const highest = (values: number[]) => (values.length === 0 ? null : Math.max(...values));
    const worst = {
      dashboardP95Ms: highest(dashboardRows.map((r) => r.trpc.p95)),
      ratioToRaw: highest(dashboardRows.map((r) => r.ratioP50)),
      rlsExtra: highest(results.flatMap((r) => (r.rls === null ? [] : [r.rls.median]))),
      rlsUnsteady: results.filter((r) => r.rls?.unsteady).length,
      pageRatio: highest(pages?.rows.map((r) => r.pageRatioP50) ?? []),
      httpRatio: highest([...(pages?.rows.map((r) => r.httpRatioP50) ?? []), ...(pages ? [pages.floor.httpRatioP50] : [])]),
      pageErrors: pages ? pages.rows.reduce((sum, r) => sum + r.load.errors + r.timedErrors, 0) : null,
    };
    const goal = (label: string, value: number | null, limit: number, shown: (v: number) => string) =>
      value === null ? `${label} not measured` : `${label} up to ${shown(value)} (≤ ${shown(limit)}) ${value <= limit ? "met" : "NOT met"}`;
    const goals = [
      goal("page ÷ procedures p50", worst.pageRatio, GOALS.pageRatio, (v) => `${v.toFixed(2)}×`),
      goal("tRPC HTTP ÷ in-process p50", worst.httpRatio, GOALS.httpRatio, (v) => `${v.toFixed(2)}×`),
      goal("page errors", worst.pageErrors, 0, (v) => String(v)),
      publicSite ? `public page ÷ signed-in page ${publicSite.ratio.toFixed(1)}× (≥ ${PUBLIC_GOAL_RATIO}×) ${publicSite.ratio >= PUBLIC_GOAL_RATIO ? "met" : "NOT met"}` : "public page ÷ signed-in page not measured",
      goal("dashboard p95", worst.dashboardP95Ms, GOALS.dashboardP95Ms, (v) => `${ms(v)} ms`),
      goal("tRPC/raw p50", worst.ratioToRaw, GOALS.ratioToRaw, (v) => `${v.toFixed(2)}×`),
      `${goal("RLS extra (median)", worst.rlsExtra, GOALS.rlsExtra, (v) => `${(v * 100).toFixed(1)} %`)}, ${worst.rlsUnsteady} figure(s) unsteady`,
    ];
    log("");
    log(`Goals: ${goals.join("; ")}.`);

    const outDir = path.join(root, "bench-results");
    await mkdir(outDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const settings = { quick: QUICK, warmup: WARMUP, runs: RUNS, minMs: MIN_MS, rounds: ROUNDS, pageRuns: PAGE_RUNS, pageMinMs: PAGE_MIN_MS, loadSeconds: LOAD_S, soakSeconds: SOAK_S, connections: CONNECTIONS, cpus: os.cpus().length };
    const file = path.join(outDir, `bench-${stamp}.json`);
    await writeFile(file, JSON.stringify({ at: new Date().toISOString(), settings, sizes: sizes.rows, goals: GOALS, worst, pages, publicSite, results, skipped: procedures.skipped }, null, 2));
    const markdown = [`# pnpm bench, ${new Date().toISOString()}`, "", `Settings: ${JSON.stringify(settings)}`, ...tables.flatMap(markdownTable), "", `Goals: ${goals.join("; ")}.`, ""];
    await writeFile(file.replace(/\.json$/, ".md"), markdown.join("\n"));
    log(`Written ${path.relative(root, file)} and .md in ${((performance.now() - started) / 1000).toFixed(0)} s total.`);
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
