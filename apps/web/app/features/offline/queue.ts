/**
 * The queue of changes made offline (decision 0210), independent of where it is stored so that its
 * rules are tested on their own: changes are sent one after another in the order they were made; a
 * change that could not be delivered (no network, the server down, the session expired) stops the
 * run, so nothing overtakes it, and is tried again later with a growing pause; each change carries
 * the id its device gave it, so the server applies a repeated send once.
 */

export type AnswerPayload = { questionId: string; value: unknown; note: string | null; baseRevision: number };
export type FindingPayload = { theme: string; text: string; severity: "low" | "medium" | "high" | "critical" };
export type PhotoPayload = { fileName: string; type: string; findingOperationId: string | null; questionId: string | null };
/** A finding on the server (its id) or one made offline (the id of the change that made it). */
export type FindingTarget = { findingId: string | null; findingOperationId: string | null };
export type FindingEditPayload = FindingTarget & FindingPayload;
/** "Take theirs": the change that met their answer, whose value the server keeps in the history. */
export type TakeTheirsPayload = { conflictOperationId: string; questionId: string; baseRevision: number };

type Kinds = {
  answer: AnswerPayload;
  finding: FindingPayload;
  photo: PhotoPayload;
  findingEdit: FindingEditPayload;
  findingDelete: FindingTarget;
  takeTheirs: TakeTheirsPayload;
};
export type OperationKind = keyof Kinds;

/** The other person's newer answer, as the server named it. */
export type TheirAnswer = { value: unknown; note: string | null; revision: number; updatedAt?: string | Date | null; updatedBy: string | null };

export type QueuedOperation = {
  [K in OperationKind]: {
    seq: number;
    id: string;
    userId: string;
    tenantSlug: string;
    visitId: string;
    kind: K;
    payload: Kinds[K];
    createdAt: number;
    /** pending: to be sent; conflict: met a newer answer, waits for the monitor; refused: the server said no. */
    state: "pending" | "conflict" | "refused";
    attempts: number;
    nextAttemptAt: number;
    theirs?: TheirAnswer;
    refusal?: string;
  };
}[OperationKind];

export type NewOperation = { [K in OperationKind]: { id: string; userId: string; tenantSlug: string; visitId: string; kind: K; payload: Kinds[K] } }[OperationKind];

/** Where the queue lives (encrypted IndexedDB in the browser, memory in tests). */
export interface OperationStore {
  /** All operations, oldest first. */
  list(): Promise<QueuedOperation[]>;
  add(operation: Omit<QueuedOperation, "seq">): Promise<QueuedOperation>;
  put(operation: QueuedOperation): Promise<void>;
  remove(seq: number): Promise<void>;
}

export type SendResult =
  | { type: "applied"; revision?: number; findingId?: string }
  | { type: "conflict"; theirs: TheirAnswer }
  | { type: "refused"; message: string }
  /** Not delivered: no network or the server failed (try later), or the session is no longer valid (sign in again). */
  | { type: "retry"; reason: "network" | "session" };

export type FlushReport = { applied: number; conflicts: number; refused: number; stopped: null | "network" | "session" | "waiting" | "otherPerson" };

const FIRST_PAUSE_MS = 2_000;
const LONGEST_PAUSE_MS = 5 * 60_000;

/** The pause before the next try after `attempts` failed ones: 2 s, 4 s, 8 s ... at most 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(FIRST_PAUSE_MS * 2 ** Math.max(0, attempts - 1), LONGEST_PAUSE_MS);
}

export function enqueue(store: OperationStore, operation: NewOperation, now: number): Promise<QueuedOperation> {
  return store.add({ ...operation, createdAt: now, state: "pending", attempts: 0, nextAttemptAt: now } as Omit<QueuedOperation, "seq">);
}

type FlushOptions = {
  store: OperationStore;
  send: (operation: QueuedOperation) => Promise<SendResult>;
  /** The person signed in now: another person's queue is never sent (it can only be discarded). */
  userId: string | null;
  now: () => number;
  /** "Send now": try at once, without waiting out the pause after a failure. */
  force?: boolean;
};

/** Sends what is waiting, in order, until the queue is empty or a change cannot be delivered. */
export async function flush({ store, send, userId, now, force = false }: FlushOptions): Promise<FlushReport> {
  const report: FlushReport = { applied: 0, conflicts: 0, refused: 0, stopped: null };
  const operations = await store.list();
  for (let index = 0; index < operations.length; index += 1) {
    const operation = operations[index]!;
    if (operation.state !== "pending") continue;
    if (operation.userId !== userId) return { ...report, stopped: "otherPerson" };
    if (!force && operation.nextAttemptAt > now()) return { ...report, stopped: "waiting" };
    const result = await send(operation);
    if (result.type === "retry") {
      const attempts = operation.attempts + 1;
      await store.put({ ...operation, attempts, nextAttemptAt: now() + backoffMs(attempts) });
      return { ...report, stopped: result.reason };
    }
    if (result.type === "applied") {
      await store.remove(operation.seq);
      report.applied += 1;
      if ((operation.kind === "answer" || operation.kind === "takeTheirs") && result.revision !== undefined) {
        for (let later = index + 1; later < operations.length; later += 1) {
          const rebased = rebasedOnto(operations[later]!, operation, result.revision);
          if (rebased) {
            operations[later] = rebased;
            await store.put(rebased);
          }
        }
      }
    } else if (result.type === "conflict") {
      await store.put({ ...operation, state: "conflict", theirs: result.theirs });
      report.conflicts += 1;
    } else {
      await store.put({ ...operation, state: "refused", refusal: result.message });
      report.refused += 1;
    }
  }
  return report;
}

/**
 * A later edit of the same answer was made on top of this one: once it is saved as `revision`, the
 * later edit starts from that revision, so the server does not take my own earlier edit for someone else's.
 */
function rebasedOnto(operation: QueuedOperation, applied: QueuedOperation & { kind: "answer" | "takeTheirs" }, revision: number): QueuedOperation | null {
  if (operation.kind !== "answer" || operation.state !== "pending" || operation.visitId !== applied.visitId) return null;
  if (operation.payload.questionId !== applied.payload.questionId || operation.payload.baseRevision !== applied.payload.baseRevision) return null;
  return { ...operation, payload: { ...operation.payload, baseRevision: revision } };
}
