import { Prisma } from "@vigil/db";

/** Today's calendar date (UTC), the way due dates and visit days are stored. */
export function utcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * The year filter as SQL on a visits alias: a range on planned_start (not extract(year ...)), so
 * the (tenant_id, planned_start) index can serve it.
 */
export function visitYearSql(alias: string, year: number | undefined): Prisma.Sql {
  if (year === undefined) return Prisma.empty;
  const column = Prisma.raw(`${alias}.planned_start`);
  return Prisma.sql`AND ${column} >= ${new Date(Date.UTC(year, 0, 1))}::date AND ${column} < ${new Date(Date.UTC(year + 1, 0, 1))}::date`;
}
