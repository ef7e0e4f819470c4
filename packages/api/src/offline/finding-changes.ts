import type { TenantTx } from "@vigil/db";
import { deleteFinding, updateFinding } from "../findings/findings.ts";
import { fail } from "../core/errors.ts";
import type { Actor } from "../core/actor.ts";
import type { OfflineFindingDelete, OfflineFindingEdit } from "./inputs.ts";
import { assertOnVisitTeam, assertVisitExists, claimOperation, findingOfOperation, recordOutcome, type OfflineOutcome } from "./operations.ts";

/**
 * The finding an offline edit or deletion is about, on the change's own visit: one the server
 * already had when the visit was taken offline, or one made offline and sent before (decision 0260).
 */
async function targetFinding(tx: TenantTx, change: OfflineFindingEdit | OfflineFindingDelete): Promise<string> {
  const findingId = change.findingId ?? (await findingOfOperation(tx, change.findingOperationId ?? "", "offlineErrors.findingNotSaved"));
  // Another visit's finding (or another workspace's, which row-level security hides) is not this change's.
  const finding = await tx.finding.findFirst({ where: { id: findingId, visitId: change.visitId }, select: { id: true } });
  if (!finding) fail("NOT_FOUND", "errors.notFound");
  return finding.id;
}

/** A finding edited offline: the findings page's own update (validation, visit-status rule, audit), once. */
export async function applyOfflineFindingEdit(tx: TenantTx, actor: Actor, change: OfflineFindingEdit): Promise<OfflineOutcome> {
  await assertVisitExists(tx, change.visitId);
  const earlier = await claimOperation(tx, actor, change.operationId, change.visitId, "findingEdit");
  if (earlier) return earlier;
  await assertOnVisitTeam(tx, actor, change.visitId);
  const findingId = await targetFinding(tx, change);
  await updateFinding(tx, actor, findingId, { theme: change.theme, text: change.text, severity: change.severity });
  return recordOutcome(tx, actor, change.operationId, { outcome: "applied", kind: "findingEdit", findingId });
}

/** A finding deleted offline: its evidence stays with the visit, unlinked, as on the findings page. */
export async function applyOfflineFindingDelete(tx: TenantTx, actor: Actor, change: OfflineFindingDelete): Promise<OfflineOutcome> {
  await assertVisitExists(tx, change.visitId);
  const earlier = await claimOperation(tx, actor, change.operationId, change.visitId, "findingDelete");
  if (earlier) return earlier;
  await assertOnVisitTeam(tx, actor, change.visitId);
  const findingId = await targetFinding(tx, change);
  await deleteFinding(tx, actor, findingId);
  return recordOutcome(tx, actor, change.operationId, { outcome: "applied", kind: "findingDelete", findingId });
}
