import type { OfflinePackage } from "./offline-package";
import type { FindingPayload, FindingTarget, QueuedOperation } from "./queue";

/** A finding as this device shows it: what the server had, with the changes still waiting on top. */
export type DeviceFinding = FindingPayload & {
  key: string;
  target: FindingTarget;
  /** Changed on this device and not yet sent (made, edited). */
  waiting: boolean;
  photos: number;
};

type StoredFinding = OfflinePackage["findings"][number] & { operationId?: string };

const matches = (finding: DeviceFinding, target: FindingTarget) =>
  (target.findingId !== null && finding.target.findingId === target.findingId) ||
  (target.findingOperationId !== null && finding.target.findingOperationId === target.findingOperationId);

/**
 * The visit's findings on this device (decision 0260): those the server has, those made offline,
 * then the edits and deletions waiting, in the order they were made. A finding made offline and
 * since sent keeps the id of the change that made it, so edits queued against that id still find it.
 * Refused changes are left out here: they are shown, with their reason, under "Needs your attention".
 */
export function findingsOnDevice(stored: StoredFinding[], queued: QueuedOperation[]): DeviceFinding[] {
  const live = queued.filter((o) => o.state !== "refused");
  const photosOf = (operationId: string | null) => (operationId ? live.filter((o) => o.kind === "photo" && o.payload.findingOperationId === operationId).length : 0);
  let findings: DeviceFinding[] = stored.map((f) => ({
    key: f.id, target: { findingId: f.id, findingOperationId: f.operationId ?? null },
    theme: f.theme, text: f.text, severity: f.severity, waiting: false, photos: photosOf(f.operationId ?? null),
  }));
  for (const operation of live) {
    if (operation.kind === "finding") {
      findings.push({ key: operation.id, target: { findingId: null, findingOperationId: operation.id }, ...operation.payload, waiting: true, photos: photosOf(operation.id) });
    } else if (operation.kind === "findingEdit") {
      const { findingId, findingOperationId, ...fields } = operation.payload;
      findings = findings.map((f) => (matches(f, { findingId, findingOperationId }) ? { ...f, ...fields, waiting: true } : f));
    } else if (operation.kind === "findingDelete") {
      findings = findings.filter((f) => !matches(f, operation.payload));
    }
  }
  return findings;
}
