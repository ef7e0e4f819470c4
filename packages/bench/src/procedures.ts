/**
 * What the bench measures: a procedure path and its input (without tenantSlug). Adding a procedure
 * is one line. A path the router does not have (yet) is reported as skipped, not failed.
 */
export type BenchProcedure = { path: string; input: Record<string, unknown>; dashboard: boolean };

export const PROCEDURES: BenchProcedure[] = [
  // The floor: what any tenant procedure costs (session, membership, transaction).
  { path: "workspaces.current", input: {}, dashboard: false },
  // The dashboard page's one call (docs/decisions/0122): summary, implementation rates, visits.
  { path: "dashboard.figures", input: {}, dashboard: true },
  { path: "dashboard.figures", input: { year: 2020 }, dashboard: true },
  { path: "visits.list", input: {}, dashboard: false },
  { path: "visits.list", input: { placeType: "prison", year: 2020 }, dashboard: false },
  { path: "places.list", input: {}, dashboard: false },
  { path: "recommendations.list", input: {}, dashboard: false },
  { path: "recommendations.list", input: { overdue: true }, dashboard: false },
  { path: "recommendations.list", input: { status: ["open", "accepted"] }, dashboard: false },
  { path: "recommendations.list", input: { tag: "health" }, dashboard: false },
];
