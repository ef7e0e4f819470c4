import type { Prisma, TenantTx } from "@vigil/db";
import { LOCALES } from "@vigil/i18n";
import { fail } from "../core/errors.ts";
import { afterCursor, decodeCursor, encodeCursor } from "./cursor.ts";
import type { PlaceFields, PlaceListQuery } from "./inputs.ts";
import type { Actor } from "../core/actor.ts";
import { recordAudit } from "../core/audit.ts";

const listSelect = {
  id: true, name: true, nameTranslations: true, type: true, region: true, municipality: true, capacity: true, archivedAt: true,
  authority: { select: { id: true, name: true, nameTranslations: true } },
} satisfies Prisma.PlaceSelect;

/** One page of the registry, in (name, id) order, with the cursor of the next page if there is one. */
export async function listPlaces(tx: TenantTx, query: PlaceListQuery) {
  const where: Prisma.PlaceWhereInput[] = [];
  // The name in any language finds the place: a Ukrainian partner types the name they read.
  if (query.search) {
    const search = query.search;
    where.push({
      OR: [
        { name: { contains: search, mode: "insensitive" } },
        ...LOCALES.map((locale) => ({ nameTranslations: { path: [locale], string_contains: search, mode: "insensitive" as const } })),
      ],
    });
  }
  if (query.type) where.push({ type: query.type });
  if (query.region) where.push({ region: query.region });
  if (query.archived === "active") where.push({ archivedAt: null });
  if (query.archived === "archived") where.push({ archivedAt: { not: null } });
  if (query.cursor) where.push(afterCursor(decodeCursor(query.cursor)));
  const rows = await tx.place.findMany({ where: { AND: where }, select: listSelect, orderBy: [{ name: "asc" }, { id: "asc" }], take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { places: page, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

/** The regions in use, for the list's filter. */
export async function listRegions(tx: TenantTx): Promise<string[]> {
  const rows = await tx.place.findMany({ where: { region: { not: null } }, select: { region: true }, distinct: ["region"], orderBy: { region: "asc" } });
  return rows.map((row) => row.region!).filter(Boolean);
}

export async function getPlace(tx: TenantTx, placeId: string) {
  const place = await tx.place.findFirst({
    where: { id: placeId },
    include: { authority: { select: { id: true, name: true, nameTranslations: true, kind: true, parent: { select: { id: true, name: true, nameTranslations: true } } } } },
  });
  if (!place) fail("NOT_FOUND", "errors.notFound");
  // Visits come from the planning part of the visit issue; until then the list is simply empty.
  const visits = await tx.visit.findMany({
    where: { placeId },
    select: { id: true, type: true, status: true, plannedStart: true, plannedEnd: true, nightVisit: true, announced: true },
    orderBy: [{ plannedStart: "desc" }, { id: "asc" }],
  });
  return { ...place, visits };
}

/** An authority named by a form must exist in this workspace (the composite key would refuse it too). */
async function assertAuthorityExists(tx: TenantTx, authorityId: string | null) {
  if (authorityId && !(await tx.authority.findFirst({ where: { id: authorityId }, select: { id: true } }))) {
    fail("BAD_REQUEST", "placeErrors.unknownAuthority", {}, "authorityId");
  }
}

export async function createPlace(tx: TenantTx, actor: Actor, fields: PlaceFields) {
  await assertAuthorityExists(tx, fields.authorityId);
  const place = await tx.place.create({ data: { tenantId: actor.tenantId, ...fields }, select: { id: true, name: true } });
  await recordAudit(tx, actor, { action: "place.created", targetType: "place", targetId: place.id, details: { name: place.name } });
  return place;
}

async function findPlace(tx: TenantTx, placeId: string) {
  const place = await tx.place.findFirst({ where: { id: placeId }, select: { id: true, archivedAt: true } });
  if (!place) fail("NOT_FOUND", "errors.notFound");
  return place;
}

export async function updatePlace(tx: TenantTx, actor: Actor, placeId: string, fields: PlaceFields) {
  await findPlace(tx, placeId);
  await assertAuthorityExists(tx, fields.authorityId);
  const place = await tx.place.update({
    where: { tenantId_id: { tenantId: actor.tenantId, id: placeId } },
    data: { ...fields, updatedAt: new Date() },
    select: { id: true, name: true },
  });
  await recordAudit(tx, actor, { action: "place.updated", targetType: "place", targetId: place.id, details: { ...fields } });
  return place;
}

/** Places are archived, never deleted: visits and recommendations keep referring to them. */
export async function setPlaceArchived(tx: TenantTx, actor: Actor, placeId: string, archived: boolean) {
  const current = await findPlace(tx, placeId);
  if (Boolean(current.archivedAt) === archived) return { id: placeId, archived };
  await tx.place.update({ where: { tenantId_id: { tenantId: actor.tenantId, id: placeId } }, data: { archivedAt: archived ? new Date() : null, updatedAt: new Date() } });
  await recordAudit(tx, actor, { action: archived ? "place.archived" : "place.unarchived", targetType: "place", targetId: placeId });
  return { id: placeId, archived };
}
