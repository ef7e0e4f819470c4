import type { Prisma, TenantTx } from "@vigil/db";
import { saveAnswer } from "../checklist/answers.ts";
import { fail } from "../core/errors.ts";
import type { Actor } from "../core/actor.ts";
import type { OfflineTakeTheirs } from "./inputs.ts";
import { assertOnVisitTeam, assertVisitExists, claimOperation, recordOutcome, type OfflineOutcome } from "./operations.ts";

type SentAnswer = { questionId: string; value: Prisma.JsonValue | null; note: string | null };

/**
 * "Take theirs" on a conflict (decision 0261): the answer history keeps both. My value, which the
 * server kept with the change that met the newer answer, is saved on top of theirs, and theirs
 * on top of mine, in one transaction, through the checklist's own save (validation, visit-status
 * rule, one audit event each). The answer stays theirs; the history reads theirs, mine, theirs.
 * What is restored is the answer as it is now, so a third person's later answer is not undone.
 */
export async function applyTakeTheirs(tx: TenantTx, actor: Actor, change: OfflineTakeTheirs): Promise<OfflineOutcome> {
  const { visitId } = change;
  await assertVisitExists(tx, visitId);
  const earlier = await claimOperation(tx, actor, change.operationId, visitId, "takeTheirs");
  if (earlier) return earlier;
  await assertOnVisitTeam(tx, actor, visitId);
  // Row-level security: only my own operations are visible, so only my own conflict can be named.
  const conflict = await tx.offlineOperation.findFirst({ where: { id: change.conflictOperationId, visitId, kind: "answer", outcome: "conflict" }, select: { sent: true } });
  if (!conflict) fail("BAD_REQUEST", "offlineErrors.noConflict", {}, "conflictOperationId");
  const settled = await tx.offlineOperation.findFirst({ where: { kind: "takeTheirs", visitId, sent: { path: ["conflictOperationId"], equals: change.conflictOperationId } }, select: { result: true } });
  if (settled) return recordOutcome(tx, actor, change.operationId, settled.result as unknown as OfflineOutcome, { conflictOperationId: change.conflictOperationId });
  const sent = conflict.sent as unknown as SentAnswer;
  const theirs = await tx.checklistAnswer.findFirst({ where: { visitId, questionId: sent.questionId }, select: { value: true, note: true, revision: true } });
  if (!theirs) fail("BAD_REQUEST", "offlineErrors.noConflict", {}, "conflictOperationId");
  const common = { visitId, questionId: sent.questionId };
  const mine = await saveAnswer(tx, actor, { ...common, value: sent.value as never, note: sent.note, baseRevision: theirs.revision });
  const restored = await saveAnswer(tx, actor, { ...common, value: theirs.value as never, note: theirs.note, baseRevision: mine.revision });
  return recordOutcome(tx, actor, change.operationId, { outcome: "applied", kind: "takeTheirs", revision: restored.revision }, { conflictOperationId: change.conflictOperationId });
}
