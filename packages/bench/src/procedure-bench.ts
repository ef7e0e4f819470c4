import type pg from "pg";
import { captureStatements, workStatements, type Statement } from "./capture.ts";
import { interleavedTimes } from "./measure.ts";
import { planSummary, type PlanSummary } from "./plans.ts";
import { PROCEDURES } from "./procedures.ts";
import { pairedExtra, spreadOf, timing, type Spread, type Timing } from "./stats.ts";

export type ProcedureRow = {
  procedure: string; input: Record<string, unknown>; dashboard: boolean; statements: number; trpc: Timing; raw: Timing; owner: Timing;
  ratioP50: number; ratioP95: number;
  /**
   * Row-level security's extra cost (decision 0176): per round the median of the paired ratios
   * raw ÷ owner − 1, then the median of the rounds with its spread. null when there is nothing to compare: no statements of
   * its own, or the owner reads other rows (ownerReadsMore).
   */
  rls: Spread | null;
  /** As the owner the statements return other rows: they leave the tenant filter to row-level security alone. */
  ownerReadsMore: boolean;
  plans: PlanSummary;
  /** The owner's plans on the single-tenant copy: where they differ, the RLS figure compares two plans, not RLS alone. */
  ownerPlans: PlanSummary;
};

type Options = { warmup: number; runs: number; minMs: number; rounds: number; only?: string; tolerance: number };
type Databases = { appDb: pg.Client; ownerDb: pg.Client; tenantId: string; userId: string; slug: string };

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

/**
 * Each procedure through the tRPC caller, its statements replayed as the app role (RLS on) and as
 * the owner (RLS bypassed), interleaved. The runs are cut into `rounds`, and the rounds go over all
 * procedures in turn (round 1 of each, then round 2 of each, ...): a burst of load from elsewhere
 * on the machine then spoils one round of several procedures rather than every round of one, and
 * the median of the per-round RLS ratios stays where it was (decision 0176).
 */
export async function benchProcedures(caller: Record<string, unknown>, known: Set<string>, db: Databases, options: Options) {
  const skipped: { procedure: string; reason: string }[] = [];
  type Prepared = { label: string; input: Record<string, unknown>; dashboard: boolean; works: (() => Promise<unknown>)[]; statements: Statement[]; ownerReadsMore: boolean; times: number[][]; ratios: number[] };
  const prepared: Prepared[] = [];
  for (const { path: procedurePath, input, dashboard } of PROCEDURES.filter((p) => !options.only || p.path.includes(options.only))) {
    const label = `${procedurePath}(${JSON.stringify(input)})`;
    if (!known.has(procedurePath)) {
      skipped.push({ procedure: label, reason: "not in the router (yet)" });
      continue;
    }
    const procedure = procedurePath.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
    const call = () => procedure({ tenantSlug: db.slug, ...input });
    let statements: Statement[];
    try {
      statements = workStatements(await captureStatements(call));
    } catch (error) {
      skipped.push({ procedure: label, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    // The owner's replay is "the same query without row-level security" only if it reads the
    // same rows; a statement that leaves the tenant filter to the policies reads every workspace's.
    const ownerReadsMore = fingerprint(await replay(db.ownerDb, db.tenantId, db.userId, statements)) !== fingerprint(await replay(db.appDb, db.tenantId, db.userId, statements));
    const works = [call, () => replay(db.appDb, db.tenantId, db.userId, statements), () => replay(db.ownerDb, db.tenantId, db.userId, statements)];
    prepared.push({ label, input, dashboard, works, statements, ownerReadsMore, times: [[], [], []], ratios: [] });
  }
  const perRound = { runs: Math.ceil(options.runs / options.rounds), minMs: options.minMs / options.rounds };
  for (let round = 0; round < options.rounds; round++) {
    for (const p of prepared) {
      const times = await interleavedTimes(p.works, { warmup: round === 0 ? options.warmup : 1, ...perRound });
      times.forEach((t, i) => p.times[i]!.push(...t));
      p.ratios.push(pairedExtra(times[1]!, times[2]!));
    }
  }
  const rows: ProcedureRow[] = [];
  for (const p of prepared) {
    const [trpc, raw, owner] = p.times.map(timing) as [Timing, Timing, Timing];
    rows.push({
      procedure: p.label, input: p.input, dashboard: p.dashboard, statements: p.statements.length, trpc, raw, owner,
      ratioP50: trpc.p50 / raw.p50, ratioP95: trpc.p95 / raw.p95,
      rls: p.statements.length === 0 || p.ownerReadsMore ? null : spreadOf(p.ratios, options.tolerance),
      ownerReadsMore: p.ownerReadsMore,
      plans: await planSummary(db.appDb, db.tenantId, db.userId, p.statements),
      ownerPlans: await planSummary(db.ownerDb, db.tenantId, db.userId, p.statements),
    });
  }
  return { rows, skipped };
}
