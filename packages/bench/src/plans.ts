import type pg from "pg";
import type { Statement } from "./capture.ts";

/** What a procedure's statements read, from their plans: the indexes used and the tables scanned whole. */
export type PlanSummary = { indexes: string[]; seqScans: string[] };

type PlanNode = { "Node Type"?: string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

function walk(node: PlanNode, into: { indexes: Set<string>; seqScans: Set<string> }): void {
  if (node["Index Name"]) into.indexes.add(node["Index Name"]);
  if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) into.seqScans.add(node["Relation Name"]);
  for (const child of node.Plans ?? []) walk(child, into);
}

/**
 * EXPLAINs each statement as the application role inside the tenant (row-level security on), the
 * way the procedure runs it. Issue 4 asks that every list and dashboard query be served by an
 * index starting with tenant_id: a sequential scan of a big table shows here by name.
 */
export async function planSummary(client: pg.Client, tenantId: string, userId: string, statements: Statement[]): Promise<PlanSummary> {
  const found = { indexes: new Set<string>(), seqScans: new Set<string>() };
  await client.query("BEGIN");
  try {
    await client.query("SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)", [tenantId, userId]);
    for (const s of statements) {
      if (!/^\s*(SELECT|WITH)\b/i.test(s.text)) continue;
      const { rows } = await client.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${s.text}`, s.values);
      walk(rows[0]!["QUERY PLAN"][0]!.Plan, found);
    }
  } finally {
    await client.query("ROLLBACK");
  }
  return { indexes: [...found.indexes].sort(), seqScans: [...found.seqScans].sort() };
}
