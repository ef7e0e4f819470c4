import type { PlaceType, TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { isVisitEditable, nextStatuses } from "./status-rules.ts";
import { visitRowSelect } from "./lists.ts";

/** A visit with its place, template version and team, and what may happen to it next. */
export async function getVisit(tx: TenantTx, visitId: string) {
  const visit = await tx.visit.findFirst({
    where: { id: visitId },
    select: {
      ...visitRowSelect,
      objectives: true,
      createdAt: true,
      updatedAt: true,
      place: { select: { id: true, name: true, nameTranslations: true, type: true, region: true, municipality: true } },
      templateVersion: { select: { id: true, version: true, template: { select: { id: true, name: true } } } },
      team: {
        select: { id: true, visitRole: true, externalName: true, externalExpertise: true, user: { select: { id: true, name: true, email: true } } },
        orderBy: [{ visitRole: "asc" }, { createdAt: "asc" }],
      },
    },
  });
  if (!visit) fail("NOT_FOUND", "errors.notFound");
  return { ...visit, nextStatuses: nextStatuses(visit.status), editable: isVisitEditable(visit.status) };
}

/**
 * What the team reads before going: the place's earlier visits. The place's open recommendations
 * are not repeated here: the page links to the recommendations list filtered to the place.
 */
export async function visitPreparation(tx: TenantTx, visitId: string) {
  const visit = await tx.visit.findFirst({ where: { id: visitId }, select: { id: true, placeId: true, plannedStart: true } });
  if (!visit) fail("NOT_FOUND", "errors.notFound");
  const earlierVisits = await tx.visit.findMany({
    where: { placeId: visit.placeId, id: { not: visit.id }, plannedStart: { lte: visit.plannedStart } },
    select: { id: true, type: true, status: true, plannedStart: true, plannedEnd: true, nightVisit: true, announced: true },
    orderBy: [{ plannedStart: "desc" }, { id: "desc" }],
    take: 50,
  });
  return { earlierVisits };
}

/** Published template versions that apply to a place type, newest version first within a template. */
function templateVersionsFor(tx: TenantTx, placeType: PlaceType) {
  return tx.checklistTemplateVersion.findMany({
    where: { version: { not: null }, template: { archivedAt: null, placeTypes: { has: placeType } } },
    select: { id: true, version: true, languages: true, template: { select: { id: true, name: true } } },
    orderBy: [{ template: { name: "asc" } }, { version: "desc" }],
  });
}

/**
 * What the planning form offers: places that can be visited, the workspace's members for the team
 * and, once a place is chosen, the template versions that fit it.
 */
export async function planningOptions(tx: TenantTx, placeId: string | undefined) {
  const places = await tx.place.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true, nameTranslations: true, type: true, region: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 1000,
  });
  const members = await tx.membership.findMany({
    select: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  const place = placeId ? places.find((p) => p.id === placeId) : undefined;
  const templateVersions = place ? await templateVersionsFor(tx, place.type) : [];
  return { places, members: members.map((m) => m.user), place: place ?? null, templateVersions };
}
