import { withTenant, type VisitStatus } from "@vigil/db";
import { unique } from "./index.ts";

/**
 * A place and a visit to it, written directly (the visit procedures are tested on their own), with
 * the given workspace members on its team.
 */
export async function createTestVisit(tenantId: string, options: { status?: VisitStatus; team?: { id: string }[] } = {}) {
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
      await tx.visitTeamMember.create({ data: { tenantId, visitId: visit.id, userId: member.id, visitRole: "monitor" } });
    }
    return { id: visit.id, placeName: place.name };
  });
}
