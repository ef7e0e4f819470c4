import type { Prisma, TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import type { Actor } from "../core/actor.ts";

/** What the device is told about a change it sent; a repeated send is told the same. */
export type OfflineOutcome =
  | { outcome: "applied"; kind: "answer"; revision: number }
  | { outcome: "conflict"; kind: "answer"; theirs: { value: Prisma.JsonValue | null; note: string | null; revision: number; updatedAt: Date | null; updatedBy: string | null } }
  | { outcome: "applied"; kind: "finding"; findingId: string }
  | { outcome: "applied"; kind: "photo"; attachmentId: string }
  | { outcome: "applied"; kind: "findingEdit" | "findingDelete"; findingId: string }
  | { outcome: "applied"; kind: "takeTheirs"; revision: number };

type Kind = OfflineOutcome["kind"];

/**
 * Claims a change's id for the actor (decision 0210). Returns the stored outcome when the change was
 * already applied: a second tab sending the same change waits here for the first to commit, then
 * reads its outcome. An id that a colleague's device already used (row-level security hides their
 * row, the key refuses it) is refused rather than applied.
 */
export async function claimOperation(tx: TenantTx, actor: Actor, operationId: string, visitId: string, kind: Kind): Promise<OfflineOutcome | null> {
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO offline_operations (tenant_id, id, user_id, visit_id, kind, outcome, sent, result)
    VALUES (${actor.tenantId}::uuid, ${operationId}::uuid, ${actor.userId}::uuid, ${visitId}::uuid, ${kind}, 'applied', '{}'::jsonb, '{}'::jsonb)
    ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`;
  if (claimed.length > 0) return null;
  const earlier = await tx.offlineOperation.findFirst({ where: { id: operationId }, select: { visitId: true, kind: true, result: true } });
  if (!earlier || earlier.visitId !== visitId || earlier.kind !== kind) fail("CONFLICT", "offlineErrors.operationIdTaken", {}, "operationId");
  return earlier.result as unknown as OfflineOutcome;
}

/** Records what the change came to, in the change's own transaction. */
export async function recordOutcome(tx: TenantTx, actor: Actor, operationId: string, outcome: OfflineOutcome, sent: Prisma.InputJsonValue = {}): Promise<OfflineOutcome> {
  await tx.offlineOperation.update({
    where: { tenantId_id: { tenantId: actor.tenantId, id: operationId } },
    data: { outcome: outcome.outcome, sent, result: outcome as unknown as Prisma.InputJsonValue },
  });
  return outcome;
}

/** The visit a change names, in the caller's workspace (NOT_FOUND otherwise, like a live change). */
export async function assertVisitExists(tx: TenantTx, visitId: string): Promise<void> {
  const visit = await tx.visit.findFirst({ where: { id: visitId }, select: { id: true } });
  if (!visit) fail("NOT_FOUND", "errors.notFound");
}

/**
 * A change made offline is accepted only from a member of the visit's team, now: someone taken off
 * the team while offline is refused, and the device shows the change as refused.
 */
export async function assertOnVisitTeam(tx: TenantTx, actor: Actor, visitId: string): Promise<void> {
  const onTeam = await tx.visitTeamMember.findFirst({ where: { visitId, userId: actor.userId }, select: { id: true } });
  if (!onTeam) fail("FORBIDDEN", "offlineErrors.notOnTeam");
}

/** The finding a photo belongs to, made offline by an earlier change of the same person. */
export async function findingOfOperation(tx: TenantTx, findingOperationId: string, notSent = "offlineErrors.findingNotSent"): Promise<string> {
  const earlier = await tx.offlineOperation.findFirst({ where: { id: findingOperationId, kind: "finding" }, select: { result: true } });
  const result = earlier?.result as { findingId?: unknown } | undefined;
  if (typeof result?.findingId !== "string") fail("BAD_REQUEST", notSent, {}, "findingOperationId");
  return result.findingId;
}
