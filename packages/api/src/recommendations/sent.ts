import { Prisma } from "@vigil/db";

/**
 * Until its report is sent a recommendation belongs to the report editor only (issue 16 §3,
 * docs/decisions/0190-recommendations-after-sending.md): every list, count, figure, export and
 * reminder outside the editor reads recommendations through one of these two conditions. The
 * workspace backup export does not: it is a backup, not a report.
 */
export const SENT_ONLY = { report: { status: "sent" } } satisfies Prisma.RecommendationWhereInput;

/** The same condition in SQL, on a recommendations alias (`r` unless told). */
export function sentOnlySql(alias = "r"): Prisma.Sql {
  const table = Prisma.raw(alias);
  return Prisma.sql`EXISTS (SELECT 1 FROM reports sent_rep WHERE sent_rep.tenant_id = ${table}.tenant_id AND sent_rep.id = ${table}.report_id AND sent_rep.status = 'sent')`;
}
