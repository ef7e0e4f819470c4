import type { PlaceType, TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";

/** Look-ups that the visit services share; every id from input is looked up inside the tenant. */

/** A day "YYYY-MM-DD" as the UTC midnight that a PostgreSQL `date` column stores. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export async function findVisit(tx: TenantTx, visitId: string) {
  const visit = await tx.visit.findFirst({
    where: { id: visitId },
    select: { id: true, status: true, placeId: true, templateVersionId: true, place: { select: { type: true } } },
  });
  if (!visit) fail("NOT_FOUND", "errors.notFound");
  return visit;
}

export async function findPlaceForVisit(tx: TenantTx, placeId: string) {
  const place = await tx.place.findFirst({ where: { id: placeId }, select: { id: true, type: true, archivedAt: true } });
  if (!place) fail("NOT_FOUND", "errors.notFound", {}, "placeId");
  if (place.archivedAt) fail("CONFLICT", "visitErrors.placeArchived", {}, "placeId");
  return place;
}

/**
 * A visit uses a published version of a template that applies to its place's type: a draft could
 * still change under the checklist, and a prison checklist makes no sense in a police station.
 */
export async function assertTemplateVersionFits(tx: TenantTx, versionId: string, placeType: PlaceType): Promise<void> {
  const version = await tx.checklistTemplateVersion.findFirst({
    where: { id: versionId },
    select: { version: true, template: { select: { placeTypes: true } } },
  });
  if (!version) fail("NOT_FOUND", "errors.notFound", {}, "templateVersionId");
  if (version.version === null) fail("BAD_REQUEST", "visitErrors.templateNotPublished", {}, "templateVersionId");
  if (!version.template.placeTypes.includes(placeType)) fail("BAD_REQUEST", "visitErrors.templateDoesNotFit", {}, "templateVersionId");
}

/** Only people who belong to this workspace can be on its visit teams (external experts have no account). */
export async function assertWorkspaceMembers(tx: TenantTx, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  const found = await tx.membership.count({ where: { userId: { in: [...new Set(userIds)] } } });
  if (found !== new Set(userIds).size) fail("BAD_REQUEST", "visitErrors.notAMember", {}, "userId");
}
