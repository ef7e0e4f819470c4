import type { PlaceType, TenantTx } from "@vigil/db";
import type { DashboardFilter } from "./inputs.ts";
import { visitYearSql } from "./scope.ts";

/** Visits per place type per year (cancelled visits did not happen and are left out). */
export async function visitsByPlaceTypeAndYear(tx: TenantTx, filter: DashboardFilter) {
  return tx.$queryRaw<{ year: number; placeType: PlaceType; count: number }[]>`
    SELECT extract(year FROM v.planned_start)::int AS year, p.type AS "placeType", count(*)::int AS count
      FROM visits v
      JOIN places p ON p.tenant_id = v.tenant_id AND p.id = v.place_id
     WHERE v.tenant_id = (SELECT current_tenant_id()) AND v.status <> 'cancelled' ${visitYearSql("v", filter.year)}
     GROUP BY 1, 2
     ORDER BY 1, 2`;
}
