import type { Prisma, TenantTx } from "@vigil/db";
import { z } from "zod";
import { keysetCursor } from "../core/keyset-cursor.ts";
import { daySchema } from "../core/schemas.ts";
import type { VisitListInput } from "./inputs.ts";

/** What a row of a visit list shows. */
export const visitRowSelect = {
  id: true,
  type: true,
  status: true,
  announced: true,
  nightVisit: true,
  plannedStart: true,
  plannedEnd: true,
  place: { select: { id: true, name: true, nameTranslations: true, type: true, region: true } },
} satisfies Prisma.VisitSelect;

/** Keyset cursor: the last row's (planned_start, id), so pages stay stable while visits are added. */
const cursorCodec = keysetCursor(z.object({ start: daySchema, id: z.uuid() }));

function encodeCursor(row: { plannedStart: Date; id: string }): string {
  return cursorCodec.encode({ start: row.plannedStart.toISOString().slice(0, 10), id: row.id });
}

const yearRange = (year: number) => ({ gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) });

/** Visits newest first (planned_start desc, id desc), filtered by status, place type, region and year. */
export async function listVisits(tx: TenantTx, input: VisitListInput) {
  const filters: Prisma.VisitWhereInput[] = [];
  if (input.status) filters.push({ status: input.status });
  if (input.placeType) filters.push({ place: { type: input.placeType } });
  if (input.region) filters.push({ place: { region: input.region } });
  if (input.year) filters.push({ plannedStart: yearRange(input.year) });
  if (input.cursor) {
    const cursor = cursorCodec.decode(input.cursor);
    const start = new Date(`${cursor.start}T00:00:00.000Z`);
    filters.push({ OR: [{ plannedStart: { lt: start } }, { plannedStart: start, id: { lt: cursor.id } }] });
  }
  const rows = await tx.visit.findMany({
    where: { AND: filters },
    select: visitRowSelect,
    orderBy: [{ plannedStart: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { visits: page, nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}

/** Visits whose planned days touch the month (a visit from 30 June to 2 July is in both months). */
export function visitsInMonth(tx: TenantTx, year: number, month: number) {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const last = new Date(Date.UTC(year, month, 0));
  return tx.visit.findMany({
    where: { plannedStart: { lte: last }, plannedEnd: { gte: first } },
    select: visitRowSelect,
    orderBy: [{ plannedStart: "asc" }, { id: "asc" }],
    take: 500,
  });
}

/** The next visits still to be made or under way, for the workspace home. */
export function upcomingVisits(tx: TenantTx, today: Date, limit = 5) {
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  return tx.visit.findMany({
    where: { status: { in: ["planned", "in_progress"] }, plannedEnd: { gte: day } },
    select: visitRowSelect,
    orderBy: [{ plannedStart: "asc" }, { id: "asc" }],
    take: limit,
  });
}

/** The values the list's filters offer: the regions of the workspace's places and the years visited. */
export async function visitFilterOptions(tx: TenantTx) {
  const regions = await tx.place.findMany({ where: { region: { not: null } }, distinct: ["region"], select: { region: true }, orderBy: { region: "asc" } });
  const years = await tx.$queryRaw<{ year: number }[]>`
    SELECT DISTINCT extract(year FROM planned_start)::int AS year FROM visits WHERE tenant_id = (SELECT current_tenant_id()) ORDER BY year DESC`;
  return { regions: regions.flatMap((r) => (r.region ? [r.region] : [])), years: years.map((y) => y.year) };
}
