import { TRPCError } from "@trpc/server";
import type { TenantTx } from "@vigil/db";
import { saveAnswer } from "../checklist/answers.ts";
import { createFinding } from "../findings/findings.ts";
import { uploadAttachment } from "../attachments/attachments.ts";
import type { Actor } from "../core/actor.ts";
import type { OfflineChange, OfflinePhoto } from "./inputs.ts";
import { assertOnVisitTeam, assertVisitExists, claimOperation, findingOfOperation, recordOutcome, type OfflineOutcome } from "./operations.ts";

/**
 * Applies one change made offline, like the live change it stands for: the same service (its
 * validation, visit-status rule and audit event), in the caller's workspace with the caller's
 * role, and once per operation id. An answer that meets a newer one is not saved over it: the
 * outcome names the newer answer, and the value sent is kept with the operation.
 */
export async function applyOfflineChange(tx: TenantTx, actor: Actor, change: OfflineChange): Promise<OfflineOutcome> {
  await assertVisitExists(tx, change.visitId);
  const earlier = await claimOperation(tx, actor, change.operationId, change.visitId, change.kind);
  if (earlier) return earlier;
  await assertOnVisitTeam(tx, actor, change.visitId);
  if (change.kind === "finding") {
    const finding = await createFinding(tx, actor, change.visitId, { theme: change.theme, text: change.text, severity: change.severity });
    return recordOutcome(tx, actor, change.operationId, { outcome: "applied", kind: "finding", findingId: finding.id });
  }
  const { visitId, questionId, value, note, baseRevision } = change;
  try {
    const saved = await saveAnswer(tx, actor, { visitId, questionId, value, note, baseRevision });
    return await recordOutcome(tx, actor, change.operationId, { outcome: "applied", kind: "answer", revision: saved.revision });
  } catch (error) {
    // Only a newer answer becomes a conflict to show; a closed visit or a bad value is refused as live.
    if (!(error instanceof TRPCError) || error.message !== "checklistErrors.staleAnswer") throw error;
  }
  const current = await tx.checklistAnswer.findFirst({
    where: { visitId, questionId },
    select: { value: true, note: true, revision: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  const theirs = { value: current?.value ?? null, note: current?.note ?? null, revision: current?.revision ?? 0, updatedAt: current?.updatedAt ?? null, updatedBy: current?.updatedBy?.name ?? null };
  return recordOutcome(tx, actor, change.operationId, { outcome: "conflict", kind: "answer", theirs }, { questionId, value: value ?? null, note, baseRevision });
}

/** A photo taken offline, stored like an upload from the findings page (metadata stripped, audited). */
export async function applyOfflinePhoto(tx: TenantTx, actor: Actor, photo: OfflinePhoto): Promise<OfflineOutcome> {
  await assertVisitExists(tx, photo.visitId);
  const earlier = await claimOperation(tx, actor, photo.operationId, photo.visitId, "photo");
  if (earlier) {
    // The bytes of a repeated send are not stored again; drain them so the request completes.
    for await (const chunk of photo.content) void chunk;
    return earlier;
  }
  await assertOnVisitTeam(tx, actor, photo.visitId);
  const findingId = photo.findingOperationId ? await findingOfOperation(tx, photo.findingOperationId) : null;
  const attachment = await uploadAttachment(tx, actor, { visitId: photo.visitId, findingId, questionId: photo.questionId, fileName: photo.fileName, content: photo.content });
  return recordOutcome(tx, actor, photo.operationId, { outcome: "applied", kind: "photo", attachmentId: attachment.id as string });
}
