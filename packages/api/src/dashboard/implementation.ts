import { Prisma, type AuthorityKind, type PlaceType, type TenantTx } from "@vigil/db";
import type { DashboardFilter } from "./inputs.ts";
import { visitYearSql } from "./scope.ts";

/**
 * Implementation rates (docs/decisions/0090-implementation-rate.md): among the recommendations
 * whose report was sent (they have a due date), implemented ones count 1 and partially
 * implemented ones ½; the rest, answered or not, count 0. Grouped by addressee authority, by the
 * type of the place and by the year of the visit. Aggregated in SQL; only the division is here.
 */
type Counts = { sent: number; implemented: number; partial: number };

export function implementationRate({ sent, implemented, partial }: Counts): number | null {
  return sent === 0 ? null : (implemented + partial / 2) / sent;
}

const withRate = <T extends Counts>(row: T) => ({ ...row, rate: implementationRate(row) });

const rawCounts = Prisma.raw(`count(*)::int AS sent,
  (count(*) FILTER (WHERE r.status = 'implemented'))::int AS implemented,
  (count(*) FILTER (WHERE r.status = 'partially_implemented'))::int AS partial`);

/** How many authorities the chart and table show: the most addressed ones. */
export const AUTHORITY_LIMIT = 15;

export async function implementationRates(tx: TenantTx, filter: DashboardFilter) {
  const inYear = visitYearSql("v", filter.year);
  const byAuthority = await tx.$queryRaw<(Counts & { authorityId: string; name: string; kind: AuthorityKind })[]>`
    SELECT a.id AS "authorityId", a.name, a.kind, ${rawCounts}
      FROM recommendations r
      JOIN visits v ON v.tenant_id = r.tenant_id AND v.id = r.visit_id
      JOIN recommendation_addressees ra ON ra.tenant_id = r.tenant_id AND ra.recommendation_id = r.id
      JOIN authorities a ON a.tenant_id = ra.tenant_id AND a.id = ra.authority_id
     WHERE r.tenant_id = current_tenant_id() AND r.due_date IS NOT NULL ${inYear}
     GROUP BY a.id, a.name, a.kind
     ORDER BY sent DESC, a.name, a.id
     LIMIT ${AUTHORITY_LIMIT}`;
  const byPlaceType = await tx.$queryRaw<(Counts & { placeType: PlaceType })[]>`
    SELECT p.type AS "placeType", ${rawCounts}
      FROM recommendations r
      JOIN visits v ON v.tenant_id = r.tenant_id AND v.id = r.visit_id
      JOIN places p ON p.tenant_id = r.tenant_id AND p.id = r.place_id
     WHERE r.tenant_id = current_tenant_id() AND r.due_date IS NOT NULL ${inYear}
     GROUP BY p.type
     ORDER BY p.type`;
  const byYear = await tx.$queryRaw<(Counts & { year: number })[]>`
    SELECT extract(year FROM v.planned_start)::int AS year, ${rawCounts}
      FROM recommendations r
      JOIN visits v ON v.tenant_id = r.tenant_id AND v.id = r.visit_id
     WHERE r.tenant_id = current_tenant_id() AND r.due_date IS NOT NULL ${inYear}
     GROUP BY 1
     ORDER BY 1`;
  return { byAuthority: byAuthority.map(withRate), byPlaceType: byPlaceType.map(withRate), byYear: byYear.map(withRate) };
}
