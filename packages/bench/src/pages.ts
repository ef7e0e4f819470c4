import type pg from "pg";

/**
 * The main pages (issue 15 goal 1) and the procedures their loaders call today: the workspace
 * layout's three, then the page's own. When a loader changes what it calls, change its line here:
 * the ratio "page ÷ its procedures" compares a page with the data it needs, not with a guess.
 */
export type Ids = { slug: string; visitId: string; recommendationId: string; placeId: string };
type Call = { path: string; input: Record<string, unknown> };
export type BenchPage = { name: string; url: (ids: Ids) => string; procedures: (ids: Ids) => Call[]; dashboard?: boolean };

const LAYOUT = ["workspaces.current", "workspaces.mine", "billing.status"];
const layout = (): Call[] => LAYOUT.map((path) => ({ path, input: path === "workspaces.mine" ? {} : { tenantSlug: "" } }));
const calls = (...own: [string, Record<string, unknown>?][]) => (): Call[] => [...layout(), ...own.map(([path, input = {}]) => ({ path, input: { tenantSlug: "", ...input } }))];

export const PAGES: BenchPage[] = [
  { name: "workspace home", url: (i) => `/t/${i.slug}`, procedures: calls(["visits.upcoming"], ["interviews.followUpsDue"], ["workspaces.gettingStarted"]) },
  { name: "visits", url: (i) => `/t/${i.slug}/visits`, procedures: calls(["visits.list"], ["visits.filterOptions"]) },
  {
    name: "visit detail", url: (i) => `/t/${i.slug}/visits/${i.visitId}`,
    procedures: (i) => calls(["visits.get", { visitId: i.visitId }], ["visits.preparation", { visitId: i.visitId }], ["recommendations.toVerify", { visitId: i.visitId }])(),
  },
  { name: "checklist", url: (i) => `/t/${i.slug}/visits/${i.visitId}/checklist`, procedures: (i) => calls(["checklist.get", { visitId: i.visitId }])() },
  { name: "report editor", url: (i) => `/t/${i.slug}/visits/${i.visitId}/report`, procedures: (i) => calls(["reports.get", { visitId: i.visitId }])() },
  { name: "recommendations", url: (i) => `/t/${i.slug}/recommendations`, procedures: calls(["recommendations.list"], ["recommendations.filterOptions"]) },
  {
    name: "recommendation detail", url: (i) => `/t/${i.slug}/recommendations/${i.recommendationId}`,
    procedures: (i) => calls(["recommendations.get", { recommendationId: i.recommendationId }])(),
  },
  { name: "dashboard", url: (i) => `/t/${i.slug}/dashboard`, procedures: calls(["dashboard.figures"]), dashboard: true },
  {
    name: "place detail", url: (i) => `/t/${i.slug}/places/${i.placeId}`,
    procedures: (i) => calls(["places.get", { placeId: i.placeId }], ["recommendations.placeHistory", { placeId: i.placeId }])(),
  },
];

/** A page's calls with the workspace filled in. */
export const pageCalls = (page: BenchPage, ids: Ids): Call[] =>
  page.procedures(ids).map((c) => ({ path: c.path, input: "tenantSlug" in c.input ? { ...c.input, tenantSlug: ids.slug } : c.input }));

/**
 * The rows the detail pages show: a visit with a sent report (so with checklist answers and
 * recommendations), one of its recommendations and its place. synthetic.ts makes ids from md5
 * hashes, and the routes accept only RFC 9562 uuids (version and variant digits): pick rows whose
 * ids happen to be such (about one in eight).
 */
const RFC_UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

export async function pageIds(db: pg.Client, tenantId: string, slug: string): Promise<Ids> {
  const { rows } = await db.query<{ visit_id: string; recommendation_id: string; place_id: string }>(
    `SELECT v.id AS visit_id, rec.id AS recommendation_id, v.place_id
       FROM visits v JOIN reports r ON r.tenant_id = v.tenant_id AND r.visit_id = v.id
       JOIN recommendations rec ON rec.tenant_id = v.tenant_id AND rec.visit_id = v.id
      WHERE v.tenant_id = $1 AND v.id::text ~ $2 AND rec.id::text ~ $2 AND v.place_id::text ~ $2
      ORDER BY v.planned_start DESC LIMIT 1`,
    [tenantId, RFC_UUID],
  );
  const row = rows[0];
  if (!row) throw new Error("No visit with a report, a recommendation and a place whose ids the routes accept");
  return { slug, visitId: row.visit_id, recommendationId: row.recommendation_id, placeId: row.place_id };
}
