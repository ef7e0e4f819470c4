import { errorCode, errorMessage, trpc } from "../../lib/trpc.client";
import { readPhoto } from "./device-store";
import type { QueuedOperation, SendResult } from "./queue";

/** Codes by which the server refuses a change for good (shown to the monitor); anything else is tried again. */
const REFUSALS = new Set(["BAD_REQUEST", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE", "UNPROCESSABLE_CONTENT"]);

function failure(code: string | null, message: string | null): SendResult {
  if (code === "UNAUTHORIZED") return { type: "retry", reason: "session" };
  if (code && REFUSALS.has(code)) return { type: "refused", message: message ?? code };
  return { type: "retry", reason: "network" };
}

type Outcome = Awaited<ReturnType<typeof trpc.offline.sendAnswer.mutate>>;

function fromOutcome(outcome: Outcome): SendResult {
  if (outcome.outcome === "conflict") return { type: "conflict", theirs: outcome.theirs };
  if (outcome.kind === "answer") return { type: "applied", revision: outcome.revision };
  return outcome.kind === "finding" ? { type: "applied", findingId: outcome.findingId } : { type: "applied" };
}

/** Sends one queued change to the server (queue.ts's `send`). */
export async function sendOperation(operation: QueuedOperation): Promise<SendResult> {
  const { tenantSlug, visitId, id: operationId } = operation;
  try {
    if (operation.kind === "answer") {
      const { questionId, value, note, baseRevision } = operation.payload;
      return fromOutcome(await trpc.offline.sendAnswer.mutate({ tenantSlug, operationId, visitId, questionId, value: value as never, note, baseRevision }));
    }
    if (operation.kind === "finding") {
      return fromOutcome(await trpc.offline.sendFinding.mutate({ tenantSlug, operationId, visitId, ...operation.payload }));
    }
  } catch (caught) {
    return failure(errorCode(caught), errorMessage(caught));
  }
  return sendPhoto(operation);
}

async function sendPhoto(operation: QueuedOperation & { kind: "photo" }): Promise<SendResult> {
  const bytes = await readPhoto(operation.userId, operation.id);
  if (!bytes) return { type: "refused", message: "—" };
  // The fields first: the server reads the body as a stream and must know where the file belongs.
  const form = new FormData();
  form.set("operationId", operation.id);
  if (operation.payload.findingOperationId) form.set("findingOperationId", operation.payload.findingOperationId);
  if (operation.payload.questionId) form.set("questionId", operation.payload.questionId);
  form.set("file", new Blob([bytes], { type: operation.payload.type }), operation.payload.fileName);
  let response: Response;
  try {
    response = await fetch(`/t/${encodeURIComponent(operation.tenantSlug)}/visits/${encodeURIComponent(operation.visitId)}/offline-photo`, { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    return { type: "retry", reason: "network" };
  }
  if (response.ok) return { type: "applied" };
  // The server's body limit answers in plain text before the page sees the request: a photo over
  // the limit is refused for good, or it would be retried forever and hold up every change behind it.
  if (response.status === 413) return failure("PAYLOAD_TOO_LARGE", null);
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
  return failure(response.status === 401 ? "UNAUTHORIZED" : (body?.code ?? null), body?.message ?? null);
}
