import { Prisma, type AuthorityKind, type PlaceType, type TenantTx } from "@vigil/db";
import { PLACE_TYPES } from "../registry/inputs.ts";
import type { DashboardFilter } from "./inputs.ts";
import { recommendationYearSql } from "./scope.ts";
import { sentOnlySql } from "../recommendations/sent.ts";

/**
 * Implementation rates (docs/decisions/0090-implementation-rate.md): among the recommendations
 * whose report was sent (they have a due date), implemented ones count 1 and partially
 * implemented ones ½; the rest, answered or not, count 0. Grouped by addressee authority, by the
 * type of the place and by the year of the visit. Aggregated in SQL; only the division is here.
 */
type Counts = { sent: number; implemented: number; partial: number };

function implementationRate({ sent, implemented, partial }: Counts): number | null {
  return sent === 0 ? null : (implemented + partial / 2) / sent;
}

const withRate = <T extends Counts>(row: T) => ({ ...row, rate: implementationRate(row) });

const COUNTS = Prisma.raw(`count(*)::int AS sent,
  (count(*) FILTER (WHERE r.status = 'implemented'))::int AS implemented,
  (count(*) FILTER (WHERE r.status = 'partially_implemented'))::int AS partial`);

/** How many authorities the chart and table show: the most addressed ones. */
const AUTHORITY_LIMIT = 15;

export async function implementationRates(tx: TenantTx, filter: DashboardFilter) {
  const inYear = recommendationYearSql(filter.year);
  // Counted per authority id first (index-only over addressees and recommendations), named after.
  const byAuthority = await tx.$queryRaw<(Counts & { authorityId: string; name: string; kind: AuthorityKind })[]>`
    SELECT a.id AS "authorityId", a.name, a.kind, c.sent, c.implemented, c.partial
      FROM (SELECT ra.authority_id, ${COUNTS}
              FROM recommendation_addressees ra
              JOIN recommendations r ON r.tenant_id = ra.tenant_id AND r.id = ra.recommendation_id ${inYear.join}
             WHERE ra.tenant_id = (SELECT current_tenant_id()) AND r.due_date IS NOT NULL AND ${sentOnlySql()} ${inYear.where}
             GROUP BY ra.authority_id) c
      JOIN authorities a ON a.tenant_id = (SELECT current_tenant_id()) AND a.id = c.authority_id
     ORDER BY c.sent DESC, a.name, a.id
     LIMIT ${AUTHORITY_LIMIT}`;
  // One pass for both groupings: by the place's type and by the visit's year. Counted per visit
  // first (index-only over recommendations), so that visits and places are joined a few thousand
  // times instead of once per recommendation: with row-level security each joined row is checked
  // against two OR'ed policies, and the wide join cost about a third more than as the table owner
  // (docs/decisions/0120).
  const SUMS = Prisma.raw(`sum(c.sent)::int AS sent, sum(c.implemented)::int AS implemented, sum(c.partial)::int AS partial`);
  const grouped = await tx.$queryRaw<(Counts & { placeType: PlaceType | null; year: number | null })[]>`
    SELECT place.type AS "placeType", extract(year FROM visit.planned_start)::int AS year, ${SUMS}
      FROM (SELECT r.visit_id, r.place_id, ${COUNTS}
              FROM recommendations r ${inYear.join}
             WHERE r.tenant_id = (SELECT current_tenant_id()) AND r.due_date IS NOT NULL AND ${sentOnlySql()} ${inYear.where}
             GROUP BY r.visit_id, r.place_id) c
      JOIN visits visit ON visit.tenant_id = (SELECT current_tenant_id()) AND visit.id = c.visit_id
      JOIN places place ON place.tenant_id = (SELECT current_tenant_id()) AND place.id = c.place_id
     GROUP BY GROUPING SETS ((place.type), (extract(year FROM visit.planned_start)))`;
  const byPlaceType = grouped
    .flatMap(({ placeType, year: _year, ...counts }) => (placeType ? [{ placeType, ...counts }] : []))
    .sort((a, b) => PLACE_TYPES.indexOf(a.placeType) - PLACE_TYPES.indexOf(b.placeType));
  const byYear = grouped.flatMap(({ year, placeType: _type, ...counts }) => (year !== null && _type === null ? [{ year, ...counts }] : [])).sort((a, b) => a.year - b.year);
  return { authorityLimit: AUTHORITY_LIMIT, byAuthority: byAuthority.map(withRate), byPlaceType: byPlaceType.map(withRate), byYear: byYear.map(withRate) };
}

