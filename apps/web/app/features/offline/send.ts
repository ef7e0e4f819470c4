import { documentLocale, loadedI18n } from "../../lib/i18n";
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
  if (outcome.kind === "answer" || outcome.kind === "takeTheirs") return { type: "applied", revision: outcome.revision };
  return outcome.kind === "photo" ? { type: "applied" } : { type: "applied", findingId: outcome.findingId };
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
    if (operation.kind === "findingEdit") {
      return fromOutcome(await trpc.offline.sendFindingEdit.mutate({ tenantSlug, operationId, visitId, ...operation.payload }));
    }
    if (operation.kind === "findingDelete") {
      const { findingId, findingOperationId } = operation.payload;
      return fromOutcome(await trpc.offline.sendFindingDelete.mutate({ tenantSlug, operationId, visitId, findingId, findingOperationId }));
    }
    if (operation.kind === "takeTheirs") {
      return fromOutcome(await trpc.offline.sendTakeTheirs.mutate({ tenantSlug, operationId, visitId, conflictOperationId: operation.payload.conflictOperationId }));
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
  // Over the server's body limit (answered in plain text, before any route): sending it again
  // would fail again and hold up every change behind it, so it is refused, in the page's language.
  if (response.status === 413) {
    const t = loadedI18n(documentLocale(document.documentElement.lang))?.t;
    return { type: "refused", message: t ? t("offline.attention.tooLarge") : "413" };
  }
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
  return failure(response.status === 401 ? "UNAUTHORIZED" : (body?.code ?? null), body?.message ?? null);
}
