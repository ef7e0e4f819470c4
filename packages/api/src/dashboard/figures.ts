import type { TenantTx } from "@vigil/db";
import type { Actor } from "../core/actor.ts";
import { dashboardSummary } from "./at-a-glance.ts";
import { implementationRates } from "./implementation.ts";
import type { DashboardFilter } from "./inputs.ts";
import { visitsByPlaceTypeAndYear } from "./visits-by-place-type.ts";

/**
 * Everything the dashboard page shows, read in the caller's one transaction (docs/decisions/0122):
 * the page always needs all of it, and entering the workspace once instead of three times saves
 * the fixed cost of two procedures on every view.
 */
export async function dashboardFigures(tx: TenantTx, actor: Actor, filter: DashboardFilter, now: Date) {
  const summary = await dashboardSummary(tx, actor, filter, now);
  const implementation = await implementationRates(tx, filter);
  const visitsByPlaceType = await visitsByPlaceTypeAndYear(tx, filter);
  return { summary, implementation, visitsByPlaceType };
}
