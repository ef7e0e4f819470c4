import type { TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { hasRole } from "../core/roles.ts";
import type { Actor } from "../core/actor.ts";
import { assertVisitEditable, isVisitEditable } from "../visits/status-rules.ts";

/** The visit that interviews, findings and evidence belong to; NOT_FOUND outside this workspace. */
export async function findVisit(tx: TenantTx, visitId: string) {
  const visit = await tx.visit.findFirst({ where: { id: visitId }, select: { id: true, status: true, place: { select: { name: true } } } });
  if (!visit) fail("NOT_FOUND", "errors.notFound");
  return visit;
}

/** What the evidence pages show of the visit: where, and whether it may still change. */
export function visitSummary(visit: Awaited<ReturnType<typeof findVisit>>) {
  return { id: visit.id, status: visit.status, placeName: visit.place.name, editable: isVisitEditable(visit.status) };
}

export async function findEditableVisit(tx: TenantTx, visitId: string) {
  const visit = await findVisit(tx, visitId);
  assertVisitEditable(visit.status);
  return visit;
}

/** Owners and admins see every interview; everyone else only those of visits they are on. */
export function seesAllInterviews(actor: Actor): boolean {
  return hasRole(actor.role, "admin");
}

/**
 * Need to know, checked by the application as well as by row-level security: someone outside the
 * visit's team (and not an owner or admin) is told the visit's interviews do not exist.
 */
export async function assertMayHandleInterviews(tx: TenantTx, actor: Actor, visitId: string): Promise<void> {
  if (seesAllInterviews(actor)) return;
  const onTeam = await tx.visitTeamMember.findFirst({ where: { visitId, userId: actor.userId }, select: { id: true } });
  if (!onTeam) fail("NOT_FOUND", "errors.notFound");
}
