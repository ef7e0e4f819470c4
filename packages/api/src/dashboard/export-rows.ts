import type { TenantTx } from "@vigil/db";
import type { TFunction } from "i18next";
import { isOverdue } from "../recommendations/list.ts";
import type { DashboardFilter } from "./inputs.ts";
import { SENT_ONLY } from "../recommendations/sent.ts";

/** One cell of an exported table: text, a whole number, a calendar date or nothing. */
export type Cell = string | number | Date | null;
export type ExportTable = { name: "visits" | "recommendations"; headers: string[]; rows: Cell[][] };

const yearRange = (year: number | undefined) =>
  year === undefined ? undefined : { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) };

/** Visits for the annual report, oldest first, with labels in the reader's language. */
export async function visitExportTable(tx: TenantTx, t: TFunction, filter: DashboardFilter): Promise<ExportTable> {
  const visits = await tx.visit.findMany({
    where: { plannedStart: yearRange(filter.year) },
    select: {
      plannedStart: true, plannedEnd: true, type: true, status: true, announced: true, nightVisit: true,
      place: { select: { name: true, type: true, region: true } },
      _count: { select: { recommendations: { where: SENT_ONLY } } },
    },
    orderBy: [{ plannedStart: "asc" }, { id: "asc" }],
  });
  const yesNo = (value: boolean) => t(value ? "dashboardExport.yes" : "dashboardExport.no");
  return {
    name: "visits",
    headers: ["start", "end", "place", "placeType", "region", "visitType", "status", "announced", "night", "recommendations"].map((key) =>
      t(`dashboardExport.visitColumns.${key}`),
    ),
    rows: visits.map((v) => [
      v.plannedStart, v.plannedEnd, v.place.name, t(`visitPlaceTypes.${v.place.type}`), v.place.region,
      t(`visitTypes.${v.type}`), t(`visitStatus.${v.status}`), yesNo(v.announced), yesNo(v.nightVisit), v._count.recommendations,
    ]),
  };
}

/** Recommendations for the annual report, by visit and number, with their addressees and state. */
export async function recommendationExportTable(tx: TenantTx, t: TFunction, filter: DashboardFilter, now: Date): Promise<ExportTable> {
  const recommendations = await tx.recommendation.findMany({
    where: { visit: { plannedStart: yearRange(filter.year) }, ...SENT_ONLY },
    select: {
      number: true, text: true, themeTags: true, priority: true, status: true, dueDate: true, firstResponseAt: true,
      visit: { select: { plannedStart: true } },
      place: { select: { name: true, type: true } },
      addressees: { select: { authority: { select: { name: true } } }, orderBy: { authority: { name: "asc" } } },
    },
    orderBy: [{ visit: { plannedStart: "asc" } }, { visitId: "asc" }, { number: "asc" }],
  });
  return {
    name: "recommendations",
    headers: ["visitDate", "place", "placeType", "number", "text", "addressees", "themes", "priority", "status", "dueDate", "firstResponse", "overdue"].map(
      (key) => t(`dashboardExport.recommendationColumns.${key}`),
    ),
    rows: recommendations.map((r) => {
      // The same rule as the recommendation list and detail, so the export never disagrees with them.
      const overdue = isOverdue(r, now);
      return [
        r.visit.plannedStart, r.place.name, t(`visitPlaceTypes.${r.place.type}`), r.number, r.text,
        r.addressees.map((a) => a.authority.name).join("; "), r.themeTags.join("; "),
        t(`dashboard.priorities.${r.priority}`), t(`dashboard.statuses.${r.status}`), r.dueDate, r.firstResponseAt,
        t(overdue ? "dashboardExport.yes" : "dashboardExport.no"),
      ];
    }),
  };
}
