import { withTenant, type PlaceType, type VisitRole, type VisitStatus } from "@vigil/db";
import { unique } from "./index.ts";

/**
 * Places and published templates written directly, so the visit tests do not depend on the
 * registry and template procedures (built in parallel).
 */
export async function createTestPlace(tenantId: string, fields: { type?: PlaceType; region?: string; name?: string; archived?: boolean } = {}) {
  return withTenant(tenantId, null, (tx) =>
    tx.place.create({
      data: {
        tenantId,
        name: fields.name ?? unique("Place"),
        type: fields.type ?? "police_custody",
        region: fields.region ?? null,
        archivedAt: fields.archived ? new Date() : null,
      },
      select: { id: true, name: true, type: true },
    }),
  );
}

const MINIMAL_CONTENT = {
  sections: [{ id: "records", title: { en: "Custody records" }, questions: [{ id: "register", kind: "yes_no_na", text: { en: "Is the register complete?" } }] }],
};

/** A template with a published version 1 (and, if asked, an unpublished draft). */
export async function createTestTemplate(tenantId: string, placeTypes: PlaceType[], options: { draft?: boolean } = {}) {
  return withTenant(tenantId, null, async (tx) => {
    const template = await tx.checklistTemplate.create({ data: { tenantId, name: unique("Template"), placeTypes }, select: { id: true } });
    const published = await tx.checklistTemplateVersion.create({
      data: { tenantId, templateId: template.id, version: 1, content: MINIMAL_CONTENT, languages: ["en"], publishedAt: new Date() },
      select: { id: true },
    });
    const draft = options.draft
      ? await tx.checklistTemplateVersion.create({ data: { tenantId, templateId: template.id, content: MINIMAL_CONTENT, languages: ["en"] }, select: { id: true } })
      : null;
    return { templateId: template.id, versionId: published.id, draftId: draft?.id ?? null };
  });
}

/** The base of a valid plan input: an unannounced in-depth visit on one day. */
export function planInput(tenantSlug: string, placeId: string, overrides: Record<string, unknown> = {}) {
  return {
    tenantSlug,
    placeId,
    type: "in_depth" as const,
    announced: false,
    nightVisit: false,
    plannedStart: "2026-03-10",
    plannedEnd: "2026-03-11",
    objectives: "Conditions of detention and access to a lawyer",
    ...overrides,
  };
}

export async function auditTrail(tenantId: string, targetId: string) {
  return withTenant(tenantId, null, (tx) =>
    tx.auditEvent.findMany({ where: { targetId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, details: true } }),
  );
}
/**
 * A place and a visit to it, written directly (the visit procedures are tested on their own), with
 * the given workspace members on its team.
 */
export async function createTestVisit(tenantId: string, options: { status?: VisitStatus; team?: { id: string; visitRole?: VisitRole }[] } = {}) {
  return withTenant(tenantId, null, async (tx) => {
    const place = await tx.place.create({ data: { tenantId, name: unique("Police Station"), type: "police_custody" }, select: { id: true, name: true } });
    const visit = await tx.visit.create({
      data: {
        tenantId, placeId: place.id, type: "ad_hoc", plannedStart: new Date("2026-06-12"), plannedEnd: new Date("2026-06-12"),
        status: options.status ?? "in_progress",
      },
      select: { id: true },
    });
    for (const member of options.team ?? []) {
      await tx.visitTeamMember.create({ data: { tenantId, visitId: visit.id, userId: member.id, visitRole: member.visitRole ?? "monitor" } });
    }
    return { id: visit.id, placeName: place.name };
  });
}
