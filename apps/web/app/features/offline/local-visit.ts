import type { ChecklistEndpoints } from "../checklist/checklist-endpoints";
import { operationStore, readVisit, storePhoto, updateVisit } from "./device-store";
import type { OfflinePackage } from "./offline-package";
import { enqueue, type FindingPayload, type FindingTarget, type QueuedOperation, type SendResult, type TheirAnswer } from "./queue";
import { sendOperation } from "./send";
import { announceQueueChange } from "./queue-events";

/**
 * A visit worked on offline: answers and findings are saved on the device at once (sealed) and
 * queued for the server; what the server answers is folded back into the stored visit.
 */

type SavedOnDevice = Awaited<ReturnType<ChecklistEndpoints["save"]>>;
type StoredAnswer = OfflinePackage["answers"][number];

function withAnswer(content: OfflinePackage, answer: StoredAnswer): OfflinePackage {
  return { ...content, answers: [...content.answers.filter((a) => a.questionId !== answer.questionId), answer] };
}

/** The checklist's endpoints for a visit on this device: "saved" means saved here, not yet sent. */
export function deviceEndpoints(owner: string, tenantSlug: string, visitId: string): ChecklistEndpoints {
  const store = operationStore(owner);
  return {
    savedStatusKey: "offline.savedOnDevice",
    async save({ questionId, value, note }) {
      const stored = (await readVisit(owner, visitId))?.content.answers.find((a) => a.questionId === questionId);
      // A later edit of a question already waiting starts where the waiting one started; the queue
      // moves it onto the revision the earlier one gets (queue.ts).
      const waiting = (await store.list()).filter((o): o is QueuedOperation & { kind: "answer" } => o.kind === "answer" && o.visitId === visitId && o.state !== "refused" && o.payload.questionId === questionId);
      const baseRevision = waiting.at(-1)?.payload.baseRevision ?? stored?.revision ?? 0;
      const normalNote = note?.trim() ? note.trim() : null;
      await enqueue(store, { id: crypto.randomUUID(), userId: owner, tenantSlug, visitId, kind: "answer", payload: { questionId, value, note: normalNote, baseRevision } }, Date.now());
      const answer: StoredAnswer = { questionId, value: value as StoredAnswer["value"], note: normalNote, revision: stored?.revision ?? 0, updatedAt: new Date().toISOString(), updatedBy: null };
      await updateVisit(owner, visitId, (content) => withAnswer(content, answer));
      announceQueueChange();
      return { ...answer, authorWorkspace: null } as SavedOnDevice;
    },
    // The history lives on the server; offline there is only what this device holds.
    history: () => Promise.resolve([]),
  };
}

/** A finding made offline, with a photo if one was taken; the photo is sent after its finding. */
export async function recordFinding(owner: string, tenantSlug: string, visitId: string, fields: FindingPayload, photo: File | null): Promise<void> {
  const store = operationStore(owner);
  const findingOperationId = crypto.randomUUID();
  await enqueue(store, { id: findingOperationId, userId: owner, tenantSlug, visitId, kind: "finding", payload: fields }, Date.now());
  if (photo) {
    const photoOperationId = crypto.randomUUID();
    // The bytes are sealed and stored before the change is queued, so it is never sent without them.
    await storePhoto(owner, photoOperationId, await photo.arrayBuffer());
    await enqueue(store, { id: photoOperationId, userId: owner, tenantSlug, visitId, kind: "photo", payload: { fileName: photo.name || "photo.jpg", type: photo.type || "image/jpeg", findingOperationId, questionId: null } }, Date.now());
  }
  announceQueueChange();
}

/** A finding edited offline (one on the server or one made offline): queued, shown at once as waiting. */
export async function editFinding(owner: string, tenantSlug: string, visitId: string, target: FindingTarget, fields: FindingPayload): Promise<void> {
  await enqueue(operationStore(owner), { id: crypto.randomUUID(), userId: owner, tenantSlug, visitId, kind: "findingEdit", payload: { ...target, ...fields } }, Date.now());
  announceQueueChange();
}

/** A finding deleted offline; on the server its photos stay with the visit, unlinked, as on the findings page. */
export async function removeFinding(owner: string, tenantSlug: string, visitId: string, target: FindingTarget): Promise<void> {
  await enqueue(operationStore(owner), { id: crypto.randomUUID(), userId: owner, tenantSlug, visitId, kind: "findingDelete", payload: target }, Date.now());
  announceQueueChange();
}

/** A photo documenting a checklist question, taken offline: evidence linked to the question once sent. */
export async function recordQuestionPhoto(owner: string, tenantSlug: string, visitId: string, questionId: string, photo: File): Promise<void> {
  const operationId = crypto.randomUUID();
  await storePhoto(owner, operationId, await photo.arrayBuffer());
  await enqueue(operationStore(owner), { id: operationId, userId: owner, tenantSlug, visitId, kind: "photo", payload: { fileName: photo.name || "photo.jpg", type: photo.type || "image/jpeg", findingOperationId: null, questionId } }, Date.now());
  announceQueueChange();
}

/**
 * Sends one change and keeps the stored visit in step: an answer's new revision (so the next edit
 * starts from it), a finding now saved on the server.
 */
export async function sendAndRecord(operation: QueuedOperation): Promise<SendResult> {
  const result = await sendOperation(operation);
  if (result.type !== "applied") return result;
  if (operation.kind === "answer" && result.revision !== undefined) {
    const revision = result.revision;
    await updateVisit(operation.userId, operation.visitId, (content) => {
      const current = content.answers.find((a) => a.questionId === operation.payload.questionId);
      return current && current.revision < revision ? withAnswer(content, { ...current, revision }) : content;
    });
  }
  if (operation.kind === "takeTheirs" && result.revision !== undefined) {
    const revision = result.revision;
    await updateVisit(operation.userId, operation.visitId, (content) => {
      const current = content.answers.find((a) => a.questionId === operation.payload.questionId);
      return current ? withAnswer(content, { ...current, revision }) : content;
    });
  }
  if (operation.kind === "finding" && result.findingId) {
    // The id of the change that made it stays with it: edits queued against that id still find it (device-findings.ts).
    const finding = { id: result.findingId, ...operation.payload, createdAt: new Date(operation.createdAt).toISOString(), operationId: operation.id };
    await updateVisit(operation.userId, operation.visitId, (content) => ({ ...content, findings: [...content.findings, finding] }));
  }
  if (operation.kind === "findingEdit" && result.findingId) {
    const { theme, text, severity } = operation.payload;
    await updateVisit(operation.userId, operation.visitId, (content) => ({ ...content, findings: content.findings.map((f) => (f.id === result.findingId ? { ...f, theme, text, severity } : f)) }));
  }
  if (operation.kind === "findingDelete" && result.findingId) {
    await updateVisit(operation.userId, operation.visitId, (content) => ({ ...content, findings: content.findings.filter((f) => f.id !== result.findingId) }));
  }
  return result;
}

export type Resolution = "mine" | "theirs" | "merge";

/** Two notes kept in one: theirs, then mine. */
export function mergedNote(theirs: string | null, mine: string | null): string | null {
  return [theirs, mine].filter((note): note is string => Boolean(note?.trim())).join("\n\n") || null;
}

/**
 * The monitor's choice on a conflict: keep mine (sent again on top of theirs), take theirs (my
 * value is written into the history and theirs back on top, decision 0261), or keep my answer
 * with both notes. Either way the answer history keeps both.
 */
export async function resolveConflict(owner: string, tenantSlug: string, visitId: string, questionId: string, theirs: TheirAnswer, choice: Resolution): Promise<void> {
  const store = operationStore(owner);
  const mine = (await readVisit(owner, visitId))?.content.answers.find((a) => a.questionId === questionId);
  const superseded = (await store.list()).filter((o): o is QueuedOperation & { kind: "answer" } => o.kind === "answer" && o.visitId === visitId && o.state !== "refused" && o.payload.questionId === questionId);
  for (const operation of superseded) await store.remove(operation.seq);
  if (choice === "theirs" || !mine) {
    // The latest of my values that met theirs is the one the server records in the history.
    const conflict = superseded.filter((o) => o.state === "conflict").at(-1);
    if (conflict) await enqueue(store, { id: crypto.randomUUID(), userId: owner, tenantSlug, visitId, kind: "takeTheirs", payload: { conflictOperationId: conflict.id, questionId, baseRevision: theirs.revision } }, Date.now());
    await updateVisit(owner, visitId, (content) => withAnswer(content, { questionId, value: theirs.value as StoredAnswer["value"], note: theirs.note, revision: theirs.revision, updatedAt: new Date().toISOString(), updatedBy: null }));
  } else {
    const note = choice === "merge" ? mergedNote(theirs.note, mine.note) : mine.note;
    await enqueue(store, { id: crypto.randomUUID(), userId: owner, tenantSlug, visitId, kind: "answer", payload: { questionId, value: mine.value, note, baseRevision: theirs.revision } }, Date.now());
    await updateVisit(owner, visitId, (content) => withAnswer(content, { ...mine, note, revision: theirs.revision }));
  }
  announceQueueChange();
}

/** A refused change: the monitor has seen why, and lets it go. */
export async function dismissRefused(owner: string, seq: number): Promise<void> {
  await operationStore(owner).remove(seq);
  announceQueueChange();
}
