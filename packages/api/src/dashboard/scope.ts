import { Prisma } from "@vigil/db";

/**
 * The year filter on recommendations `r`: a join to their visit and a range on planned_start (not
 * extract(year ...)), so the (tenant_id, planned_start) index serves it. Without a year there is no
 * join at all: the aggregate reads the recommendations' index alone.
 */
export function recommendationYearSql(year: number | undefined): { join: Prisma.Sql; where: Prisma.Sql } {
  if (year === undefined) return { join: Prisma.empty, where: Prisma.empty };
  return { join: Prisma.sql`JOIN visits v ON v.tenant_id = r.tenant_id AND v.id = r.visit_id`, where: visitYearSql("v", year) };
}

/** The year filter on a visits alias. */
export function visitYearSql(alias: string, year: number | undefined): Prisma.Sql {
  if (year === undefined) return Prisma.empty;
  const column = Prisma.raw(`${alias}.planned_start`);
  return Prisma.sql`AND ${column} >= ${new Date(Date.UTC(year, 0, 1))}::date AND ${column} < ${new Date(Date.UTC(year + 1, 0, 1))}::date`;
}
