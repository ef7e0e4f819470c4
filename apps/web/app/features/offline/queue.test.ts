import { describe, expect, it } from "vitest";
import { backoffMs, enqueue, flush, type OperationStore, type QueuedOperation, type SendResult } from "./queue";

function memoryStore(): OperationStore & { operations: QueuedOperation[] } {
  let next = 1;
  const operations: QueuedOperation[] = [];
  return {
    operations,
    list: () => Promise.resolve(operations.map((o) => structuredClone(o)).sort((a, b) => a.seq - b.seq)),
    add: (operation) => {
      const stored = { ...operation, seq: next++ } as QueuedOperation;
      operations.push(stored);
      return Promise.resolve(structuredClone(stored));
    },
    put: (operation) => {
      const at = operations.findIndex((o) => o.seq === operation.seq);
      if (at >= 0) operations[at] = structuredClone(operation);
      return Promise.resolve();
    },
    remove: (seq) => {
      const at = operations.findIndex((o) => o.seq === seq);
      if (at >= 0) operations.splice(at, 1);
      return Promise.resolve();
    },
  };
}

const base = { userId: "ana", tenantSlug: "npm", visitId: "v1" };
const answer = (id: string, questionId: string, value: string, baseRevision = 0) => ({ ...base, id, kind: "answer" as const, payload: { questionId, value, note: null, baseRevision } });

/** A server that applies each operation id once and counts revisions per question, like offline.sendAnswer. */
function fakeServer() {
  const applied = new Map<string, SendResult>();
  const revisions = new Map<string, number>();
  const calls: string[] = [];
  const send = (operation: QueuedOperation): Promise<SendResult> => {
    calls.push(operation.id);
    const earlier = applied.get(operation.id);
    if (earlier) return Promise.resolve(earlier);
    let result: SendResult = { type: "applied" };
    if (operation.kind === "answer") {
      const current = revisions.get(operation.payload.questionId) ?? 0;
      if (current !== operation.payload.baseRevision) result = { type: "conflict", theirs: { value: "theirs", note: null, revision: current, updatedBy: "Boris" } };
      else {
        revisions.set(operation.payload.questionId, current + 1);
        result = { type: "applied", revision: current + 1 };
      }
    }
    if (operation.kind === "takeTheirs") {
      // Mine into the history, theirs back on top: two revisions (decision 0261).
      const current = revisions.get(operation.payload.questionId) ?? 0;
      revisions.set(operation.payload.questionId, current + 2);
      result = { type: "applied", revision: current + 2 };
    }
    applied.set(operation.id, result);
    return Promise.resolve(result);
  };
  return { send, calls, revisions };
}

describe("the offline queue", () => {
  it("sends in the order the changes were made, and empties", async () => {
    const store = memoryStore();
    await enqueue(store, answer("op1", "q1", "yes"), 0);
    await enqueue(store, { ...base, id: "op2", kind: "finding", payload: { theme: "Cells", text: "Damp", severity: "low" } }, 1);
    await enqueue(store, answer("op3", "q2", "no"), 2);
    const server = fakeServer();
    const report = await flush({ store, send: server.send, userId: "ana", now: () => 10 });
    expect(server.calls).toEqual(["op1", "op2", "op3"]);
    expect(report).toEqual({ applied: 3, conflicts: 0, refused: 0, stopped: null });
    expect(store.operations).toEqual([]);
  });

  it("starts a later edit of the same answer from the revision the earlier one got, so it is not a conflict with myself", async () => {
    const store = memoryStore();
    await enqueue(store, answer("op1", "q1", "yes"), 0);
    await enqueue(store, answer("op2", "q1", "no"), 1);
    const server = fakeServer();
    const report = await flush({ store, send: server.send, userId: "ana", now: () => 10 });
    expect(report.applied).toBe(2);
    expect(server.revisions.get("q1")).toBe(2);
  });

  it("starts an edit made after taking their answer from the revision that choice got", async () => {
    const store = memoryStore();
    const server = fakeServer();
    server.revisions.set("q1", 1);
    await enqueue(store, { ...base, id: "op1", kind: "takeTheirs", payload: { conflictOperationId: "op0", questionId: "q1", baseRevision: 1 } }, 0);
    await enqueue(store, answer("op2", "q1", "no", 1), 1);
    const report = await flush({ store, send: server.send, userId: "ana", now: () => 10 });
    expect(report).toEqual({ applied: 2, conflicts: 0, refused: 0, stopped: null });
    expect(server.revisions.get("q1")).toBe(4);
  });

  it("is applied once when a reply was lost and the change is sent again", async () => {
    const store = memoryStore();
    await enqueue(store, answer("op1", "q1", "yes"), 0);
    const server = fakeServer();
    let lose = true;
    // The server applies the change but the reply never arrives: the device must try again.
    const send = async (operation: QueuedOperation): Promise<SendResult> => {
      const result = await server.send(operation);
      if (lose) {
        lose = false;
        return { type: "retry", reason: "network" };
      }
      return result;
    };
    expect((await flush({ store, send, userId: "ana", now: () => 0 })).stopped).toBe("network");
    expect((await flush({ store, send, userId: "ana", now: () => 0, force: true })).applied).toBe(1);
    expect(server.calls).toEqual(["op1", "op1"]);
    expect(server.revisions.get("q1")).toBe(1);
  });

  it("stops at an undelivered change so nothing overtakes it, and waits longer after each failure", async () => {
    const store = memoryStore();
    await enqueue(store, answer("op1", "q1", "yes"), 0);
    await enqueue(store, answer("op2", "q2", "no"), 0);
    const calls: string[] = [];
    const down = (operation: QueuedOperation): Promise<SendResult> => {
      calls.push(operation.id);
      return Promise.resolve({ type: "retry", reason: "network" });
    };
    let clock = 1_000;
    await flush({ store, send: down, userId: "ana", now: () => clock });
    expect(calls).toEqual(["op1"]);
    expect(store.operations[0]).toMatchObject({ attempts: 1, nextAttemptAt: 1_000 + 2_000 });
    // Too early: the pause is waited out, nothing is sent.
    clock = 2_000;
    expect((await flush({ store, send: down, userId: "ana", now: () => clock })).stopped).toBe("waiting");
    expect(calls).toEqual(["op1"]);
    clock = 3_000;
    await flush({ store, send: down, userId: "ana", now: () => clock });
    expect(store.operations[0]).toMatchObject({ attempts: 2, nextAttemptAt: 3_000 + 4_000 });
    expect([1, 2, 3, 10, 20].map(backoffMs)).toEqual([2_000, 4_000, 8_000, 300_000, 300_000]);
  });

  it("keeps a conflict with the other answer and a refusal with its reason, and goes on with the rest", async () => {
    const store = memoryStore();
    await enqueue(store, answer("op1", "q1", "mine", 0), 0);
    await enqueue(store, answer("op2", "q2", "yes"), 0);
    await enqueue(store, answer("op3", "q3", "yes"), 0);
    const send = (operation: QueuedOperation): Promise<SendResult> =>
      Promise.resolve(
        operation.id === "op1" ? { type: "conflict", theirs: { value: "theirs", note: null, revision: 1, updatedBy: "Boris" } }
        : operation.id === "op2" ? { type: "refused", message: "You are no longer on this visit's team." }
        : { type: "applied", revision: 1 },
      );
    const report = await flush({ store, send, userId: "ana", now: () => 0 });
    expect(report).toEqual({ applied: 1, conflicts: 1, refused: 1, stopped: null });
    expect(store.operations.map((o) => [o.id, o.state])).toEqual([["op1", "conflict"], ["op2", "refused"]]);
    expect(store.operations[0]?.theirs?.value).toBe("theirs");
    expect(store.operations[1]?.refusal).toMatch(/no longer/);
    // Neither is sent again by itself.
    expect((await flush({ store, send, userId: "ana", now: () => 0 })).applied).toBe(0);
  });

  it("keeps the queue when the session expired, and never sends another person's changes", async () => {
    const store = memoryStore();
    await enqueue(store, answer("op1", "q1", "yes"), 0);
    const expired = (): Promise<SendResult> => Promise.resolve({ type: "retry", reason: "session" });
    expect((await flush({ store, send: expired, userId: "ana", now: () => 0 })).stopped).toBe("session");
    expect(store.operations).toHaveLength(1);
    const server = fakeServer();
    expect((await flush({ store, send: server.send, userId: "boris", now: () => 0, force: true })).stopped).toBe("otherPerson");
    expect(server.calls).toEqual([]);
    expect((await flush({ store, send: server.send, userId: "ana", now: () => 0, force: true })).applied).toBe(1);
  });
});
