import { describe, expect, it } from "vitest";
import { findingsOnDevice } from "./device-findings";
import type { NewOperation, QueuedOperation } from "./queue";

let seq = 0;
function queued(operation: Omit<NewOperation, "userId" | "tenantSlug" | "visitId">, state: QueuedOperation["state"] = "pending"): QueuedOperation {
  seq += 1;
  return { ...operation, seq, userId: "u", tenantSlug: "w", visitId: "v", createdAt: seq, state, attempts: 0, nextAttemptAt: 0 } as QueuedOperation;
}

const onServer = { id: "f1", theme: "Food", text: "Cold", severity: "medium" as const, createdAt: "2026-12-03T10:00:00Z" };

describe("findingsOnDevice", () => {
  it("shows a finding made offline, then edited, as waiting with the edit", () => {
    const made = queued({ id: "op1", kind: "finding", payload: { theme: "Cells", text: "Damp", severity: "low" } });
    const edit = queued({ id: "op2", kind: "findingEdit", payload: { findingId: null, findingOperationId: "op1", theme: "Cells", text: "Damp walls", severity: "high" } });
    expect(findingsOnDevice([], [made, edit])).toEqual([
      { key: "op1", target: { findingId: null, findingOperationId: "op1" }, theme: "Cells", text: "Damp walls", severity: "high", waiting: true, photos: 0 },
    ]);
  });

  it("applies edits and deletions of the server's findings, and finds a sent finding by the change that made it", () => {
    const sent = { ...onServer, id: "f2", operationId: "op1", theme: "Cells" };
    const deletion = queued({ id: "op3", kind: "findingDelete", payload: { findingId: null, findingOperationId: "op1" } });
    const edit = queued({ id: "op4", kind: "findingEdit", payload: { findingId: "f1", findingOperationId: null, theme: "Food", text: "Cold, once a day", severity: "high" } });
    const shown = findingsOnDevice([onServer, sent], [deletion, edit]);
    expect(shown.map((f) => [f.key, f.text, f.waiting])).toEqual([["f1", "Cold, once a day", true]]);
  });

  it("leaves refused changes out (they are shown with their reason elsewhere) and counts photos waiting", () => {
    const made = queued({ id: "op5", kind: "finding", payload: { theme: "Yard", text: "None", severity: "low" } });
    const photo = queued({ id: "op6", kind: "photo", payload: { fileName: "a.png", type: "image/png", findingOperationId: "op5", questionId: null } });
    const refused = queued({ id: "op7", kind: "findingDelete", payload: { findingId: null, findingOperationId: "op5" } }, "refused");
    expect(findingsOnDevice([], [made, photo, refused]).map((f) => [f.key, f.photos])).toEqual([["op5", 1]]);
  });
});
