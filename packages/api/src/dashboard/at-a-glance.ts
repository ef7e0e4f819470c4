import type { RecommendationStatus, TenantTx } from "@vigil/db";
import type { Actor } from "../core/actor.ts";
import { followUpsDueWhere } from "../interviews/follow-ups.ts";
import { RECOMMENDATION_STATUSES } from "../recommendations/inputs.ts";
import { dayOf } from "../recommendations/list.ts";
import { upcomingVisits } from "../visits/lists.ts";
import type { DashboardFilter } from "./inputs.ts";
import { recommendationYearSql } from "./scope.ts";
import { sentOnlySql } from "../recommendations/sent.ts";

/** How many of the overdue recommendations the dashboard names, oldest first. */
const OVERDUE_SHOWN = 5;

/**
 * What needs attention now (upcoming visits, unanswered recommendations past their deadline,
 * reprisal-risk follow-ups) and how the recommendations stand. The year filter applies to the
 * status counts only: "now" figures have no year.
 */
export async function dashboardSummary(tx: TenantTx, actor: Actor, filter: DashboardFilter, now: Date) {
  const today = dayOf(now);
  const inYear = recommendationYearSql(filter.year);
  // The counts and the oldest overdue recommendations in one round trip: upcoming visits (as
  // upcomingVisits selects them), overdue recommendations (as overdueRecommendations does), the
  // years visited, and the status counts. An ORM query with a relation would be two more
  // statements, each with its own cost in Prisma's JavaScript (docs/decisions/0122).
  const [counts] = await tx.$queryRaw<{
    upcoming: number; overdue: number; years: number[]; byStatus: Partial<Record<RecommendationStatus, number>> | null;
    overdueOldest: { id: string; number: number; dueDate: string; visitId: string; placeName: string }[];
  }[]>`
    SELECT
      (SELECT count(*)::int FROM visits
        WHERE tenant_id = (SELECT current_tenant_id()) AND status IN ('planned', 'in_progress') AND planned_end >= ${today}::date) AS upcoming,
      (SELECT count(*)::int FROM recommendations r
        WHERE r.tenant_id = (SELECT current_tenant_id()) AND r.first_response_at IS NULL AND r.due_date < ${today}::date AND ${sentOnlySql()}) AS overdue,
      (SELECT coalesce(json_agg(o ORDER BY o."dueDate", o.id), '[]')
         FROM (SELECT r.id, r.number, r.due_date AS "dueDate", r.visit_id AS "visitId", p.name AS "placeName"
                 FROM recommendations r
                 JOIN places p ON p.tenant_id = r.tenant_id AND p.id = r.place_id
                WHERE r.tenant_id = (SELECT current_tenant_id()) AND r.first_response_at IS NULL AND r.due_date < ${today}::date AND ${sentOnlySql()}
                ORDER BY r.due_date, r.id
                LIMIT ${OVERDUE_SHOWN}) o) AS "overdueOldest",
      (SELECT coalesce(array_agg(year ORDER BY year DESC), '{}')
         FROM (SELECT DISTINCT extract(year FROM planned_start)::int AS year FROM visits WHERE tenant_id = (SELECT current_tenant_id())) y) AS years,
      (SELECT json_object_agg(status, count)
         FROM (SELECT r.status, count(*)::int AS count
                 FROM recommendations r ${inYear.join}
                WHERE r.tenant_id = (SELECT current_tenant_id()) AND ${sentOnlySql()} ${inYear.where}
                GROUP BY r.status) s) AS "byStatus"`;
  const upcomingNext = await upcomingVisits(tx, now, 5);

  // The same interviews the home page lists: need to know applies to the count too.
  const followUps = followUpsDueWhere(actor);
  const followUpsOpen = await tx.interview.count({ where: followUps });
  const followUpsDue = followUpsOpen === 0 ? 0 : await tx.interview.count({ where: { ...followUps, followUpDue: { lte: today } } });

  return {
    upcoming: { count: counts?.upcoming ?? 0, next: upcomingNext },
    overdue: {
      count: counts?.overdue ?? 0,
      // JSON has no dates: due dates come back as "YYYY-MM-DD", stored days in UTC.
      oldest: (counts?.overdueOldest ?? []).map((row) => ({ ...row, dueDate: new Date(`${row.dueDate}T00:00:00Z`) })),
    },
    followUps: { open: followUpsOpen, due: followUpsDue },
    // The statuses in the inputs' order: from not yet answered to the final outcomes.
    byStatus: RECOMMENDATION_STATUSES.map((status) => ({ status, count: counts?.byStatus?.[status] ?? 0 })),
    years: counts?.years ?? [],
  };
}
