import type { RecommendationStatus, TenantTx } from "@vigil/db";
import type { Actor } from "../services/actor.ts";
import { followUpsDueWhere } from "../services/interview-follow-ups.ts";
import { upcomingVisits } from "../services/visit-lists.ts";
import type { DashboardFilter } from "./inputs.ts";
import { recommendationYearSql, utcDay } from "./scope.ts";

/** The order statuses are shown in: from not yet answered to the final outcomes. */
export const RECOMMENDATION_STATUSES: RecommendationStatus[] = [
  "open", "accepted", "in_progress", "implemented", "partially_implemented", "not_implemented", "rejected",
];

/**
 * What needs attention now (upcoming visits, unanswered recommendations past their deadline,
 * reprisal-risk follow-ups) and how the recommendations stand. The year filter applies to the
 * status counts only: "now" figures have no year.
 */
export async function dashboardSummary(tx: TenantTx, actor: Actor, filter: DashboardFilter, now: Date) {
  const today = utcDay(now);
  const upcomingWhere = { status: { in: ["planned" as const, "in_progress" as const] }, plannedEnd: { gte: today } };
  const upcomingCount = await tx.visit.count({ where: upcomingWhere });
  const upcomingNext = await upcomingVisits(tx, now, 5);

  const overdueWhere = { firstResponseAt: null, dueDate: { lt: today } };
  const overdueCount = await tx.recommendation.count({ where: overdueWhere });
  const overdueOldest = await tx.recommendation.findMany({
    where: overdueWhere,
    select: { id: true, number: true, dueDate: true, visitId: true, place: { select: { name: true } } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: 5,
  });

  // The same interviews the home page lists: need to know applies to the count too.
  const followUps = followUpsDueWhere(actor);
  const followUpsOpen = await tx.interview.count({ where: followUps });
  const followUpsDue = await tx.interview.count({ where: { ...followUps, followUpDue: { lte: today } } });

  const inYear = recommendationYearSql(filter.year);
  const statusRows = await tx.$queryRaw<{ status: RecommendationStatus; count: number }[]>`
    SELECT r.status, count(*)::int AS count
      FROM recommendations r ${inYear.join}
     WHERE r.tenant_id = (SELECT current_tenant_id()) ${inYear.where}
     GROUP BY r.status`;
  const counts = new Map(statusRows.map((row) => [row.status, row.count]));
  const years = await tx.$queryRaw<{ year: number }[]>`
    SELECT DISTINCT extract(year FROM planned_start)::int AS year FROM visits WHERE tenant_id = (SELECT current_tenant_id()) ORDER BY year DESC`;

  return {
    upcoming: { count: upcomingCount, next: upcomingNext },
    overdue: {
      count: overdueCount,
      oldest: overdueOldest.map(({ place, ...row }) => ({ ...row, placeName: place.name })),
    },
    followUps: { open: followUpsOpen, due: followUpsDue },
    byStatus: RECOMMENDATION_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 })),
    years: years.map((row) => row.year),
  };
}
