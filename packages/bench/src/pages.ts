import { createHash } from "node:crypto";

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
  { name: "workspace home", url: (i) => `/t/${i.slug}`, procedures: calls(["visits.upcoming"], ["interviews.followUpsDue"]) },
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

/** The id synthetic.ts gives the n-th row of a kind: md5(tenant:kind:n) read as a uuid. */
export function syntheticId(tenantId: string, kind: string, n: number): string {
  const hex = createHash("md5").update(`${tenantId}:${kind}:${n}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
