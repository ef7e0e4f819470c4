import type { AuthorityKind, Prisma, RecommendationStatus, RecommendationUpdateSource, TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { z } from "zod";
import { cursorInstant, keysetCursor } from "../core/keyset-cursor.ts";
import type { RecommendationListInput } from "./inputs.ts";
import { SENT_ONLY, sentOnlySql } from "./sent.ts";

/**
 * Recommendation lists: the workspace-wide list with its filters, and a place's history. Every
 * relation is loaded in the same query set (Prisma batches each relation into one query for the
 * whole page), so a page costs the same handful of queries whatever its length.
 */

const recommendationRowSelect = {
  id: true,
  number: true,
  text: true,
  status: true,
  priority: true,
  themeTags: true,
  dueDate: true,
  firstResponseAt: true,
  createdAt: true,
  place: { select: { id: true, name: true, nameTranslations: true } },
  // The language the text is written in (its report's), so a page can mark it for screen readers.
  report: { select: { language: true } },
  // The visit's dates, type and status head its group on the place's page.
  visit: { select: { id: true, plannedStart: true, plannedEnd: true, type: true, status: true } },
} satisfies Prisma.RecommendationSelect;

type Row = Prisma.RecommendationGetPayload<{ select: typeof recommendationRowSelect }>;

/** The calendar day (UTC) a date falls on: due dates are days, and "overdue" starts the day after. */
export function dayOf(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Overdue: the due date has passed and no response has arrived. */
export function isOverdue(row: { dueDate: Date | null; firstResponseAt: Date | null }, today: Date): boolean {
  return row.firstResponseAt === null && row.dueDate !== null && row.dueDate < dayOf(today);
}

/** Addressees by name, as the reports list them. */
export function byName<T extends { authority: { name: string } }>(addressees: T[]): T["authority"][] {
  return addressees.map((a) => a.authority).sort((a, b) => a.name.localeCompare(b.name));
}

type Addressee = { id: string; name: string; nameTranslations: unknown; kind: AuthorityKind };
type LatestUpdate = { id: string; occurredOn: Date; source: RecommendationUpdateSource; resultingStatus: RecommendationStatus; text: string; authority: { name: string } | null };

/**
 * The addressees and the latest update of a page of recommendations, in two statements. Written in
 * SQL because Prisma would fetch every update of every row to keep one, and would join the
 * authorities' names into the addressee query in a way that keeps PostgreSQL off the primary key;
 * here both are index scans on (tenant_id, recommendation_id, ...).
 */
async function pageRelations(tx: TenantTx, ids: string[]) {
  if (ids.length === 0) return { addressees: new Map<string, Addressee[]>(), latest: new Map<string, LatestUpdate>() };
  // One after the other: a transaction is one connection, and pg refuses overlapping queries on it (pg 9).
  const addresseeRows = await tx.$queryRaw<{ recommendation_id: string; id: string; name: string; name_translations: unknown; kind: AuthorityKind }[]>`
      SELECT ra.recommendation_id, au.id, au.name, au.name_translations, au.kind::text AS kind
        FROM recommendation_addressees ra
        JOIN authorities au ON au.tenant_id = ra.tenant_id AND au.id = ra.authority_id
       WHERE ra.tenant_id = (SELECT current_tenant_id()) AND ra.recommendation_id = ANY(${ids}::uuid[])
       ORDER BY au.name, au.id`;
  const updateRows = await tx.$queryRaw<{ recommendation_id: string; id: string; occurred_on: Date; source: RecommendationUpdateSource; resulting_status: RecommendationStatus; text: string; authority_name: string | null }[]>`
      SELECT DISTINCT ON (u.recommendation_id) u.recommendation_id, u.id, u.occurred_on, u.source::text AS source,
             u.resulting_status::text AS resulting_status, u.text, au.name AS authority_name
        FROM recommendation_updates u
        LEFT JOIN authorities au ON au.tenant_id = u.tenant_id AND au.id = u.authority_id
       WHERE u.tenant_id = (SELECT current_tenant_id()) AND u.recommendation_id = ANY(${ids}::uuid[])
       ORDER BY u.recommendation_id, u.occurred_on DESC, u.created_at DESC, u.id DESC`;
  const addressees = new Map<string, Addressee[]>();
  for (const row of addresseeRows) {
    const list = addressees.get(row.recommendation_id) ?? [];
    list.push({ id: row.id, name: row.name, nameTranslations: row.name_translations, kind: row.kind });
    addressees.set(row.recommendation_id, list);
  }
  const latest = new Map<string, LatestUpdate>(
    updateRows.map((row) => [
      row.recommendation_id,
      { id: row.id, occurredOn: row.occurred_on, source: row.source, resultingStatus: row.resulting_status, text: row.text, authority: row.authority_name === null ? null : { name: row.authority_name } },
    ]),
  );
  return { addressees, latest };
}

async function toRows(tx: TenantTx, rows: Row[], today: Date) {
  const { addressees, latest } = await pageRelations(tx, rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, addressees: addressees.get(row.id) ?? [], latestUpdate: latest.get(row.id) ?? null, overdue: isOverdue(row, today) }));
}

const cursorCodec = keysetCursor(z.object({ at: cursorInstant, id: z.uuid() }));

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return cursorCodec.encode({ at: row.createdAt.toISOString(), id: row.id });
}

/** The filters as a Prisma condition (AND-ed); shared by the list and anything that counts it. */
function recommendationFilter(input: Omit<RecommendationListInput, "cursor" | "limit">, today: Date): Prisma.RecommendationWhereInput[] {
  const filters: Prisma.RecommendationWhereInput[] = [SENT_ONLY];
  if (input.status?.length) filters.push({ status: { in: input.status } });
  if (input.authorityId) filters.push({ addressees: { some: { authorityId: input.authorityId } } });
  if (input.placeId) filters.push({ placeId: input.placeId });
  if (input.tag) filters.push({ themeTags: { has: input.tag } });
  if (input.visitId) filters.push({ visitId: input.visitId });
  if (input.overdue) filters.push({ firstResponseAt: null, dueDate: { lt: dayOf(today) } });
  return filters;
}

/** Newest first (created_at desc, id desc), keyset-paged: a page never shifts while others are added. */
export async function listRecommendations(tx: TenantTx, input: RecommendationListInput, today = new Date()) {
  const filters = recommendationFilter(input, today);
  if (input.cursor) {
    const { at, ...cursor } = cursorCodec.decode(input.cursor);
    filters.push({ OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: cursor.id } }] });
  }
  const rows = await tx.recommendation.findMany({
    where: { AND: filters },
    select: recommendationRowSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { recommendations: await toRows(tx, page, today), nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}

/** What the list's filters offer: the authorities addressed, the places concerned, the tags in use (of sent reports). */
export async function recommendationFilterOptions(tx: TenantTx) {
  const authorities = await tx.authority.findMany({ where: { addressedRecommendations: { some: { recommendation: SENT_ONLY } } }, select: { id: true, name: true, nameTranslations: true, kind: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const places = await tx.place.findMany({ where: { recommendations: { some: SENT_ONLY } }, select: { id: true, name: true, nameTranslations: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const tags = await tx.$queryRaw<{ tag: string }[]>`
    SELECT DISTINCT unnest(r.theme_tags) AS tag FROM recommendations r WHERE r.tenant_id = (SELECT current_tenant_id()) AND ${sentOnlySql()} ORDER BY tag`;
  return { authorities, places, tags: tags.map((t) => t.tag) };
}

/**
 * A place's recommendations over the years, newest visit first, each with its latest update.
 * Bounded: a place with more than `limit` shows the newest and a link to the filtered list.
 */
export async function placeRecommendationHistory(tx: TenantTx, placeId: string, limit = 200, today = new Date()) {
  const place = await tx.place.findFirst({ where: { id: placeId }, select: { id: true } });
  if (!place) fail("NOT_FOUND", "errors.notFound");
  const rows = await tx.recommendation.findMany({
    where: { placeId, ...SENT_ONLY },
    select: recommendationRowSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const list = await toRows(tx, rows.slice(0, limit), today);
  // Grouped by visit in the order of the visit's date, then by number, as the reports read.
  list.sort((a, b) => b.visit.plannedStart.getTime() - a.visit.plannedStart.getTime() || a.visit.id.localeCompare(b.visit.id) || a.number - b.number);
  return { recommendations: list, more: rows.length > limit };
}
