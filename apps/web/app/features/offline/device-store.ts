import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { OfflinePackage } from "./offline-package";
import type { OperationStore, QueuedOperation } from "./queue";
import { createDeviceKey, sealer, type Sealed, type Sealer } from "./sealed";

/**
 * The device's store of offline visits (decision 0210), in IndexedDB. In the clear: only what the
 * queue needs to order and route changes (ids, the workspace slug, whose they are, their state).
 * Sealed under the device key: every visit's content, every change's content, every photo.
 */

const DB_NAME = "vigil-offline";

type StoredVisit = { visitId: string; tenantSlug: string; userId: string; takenAt: number; sealed: Sealed };
type StoredOperation = Omit<QueuedOperation, "payload" | "theirs" | "refusal"> & { sealed: Sealed };
type StoredPhoto = { operationId: string; sealed: Sealed };

interface OfflineSchema extends DBSchema {
  device: { key: "key"; value: { userId: string; key: CryptoKey } };
  visits: { key: string; value: StoredVisit };
  operations: { key: number; value: StoredOperation; indexes: { byVisit: string } };
  photos: { key: string; value: StoredPhoto };
  meta: { key: string; value: { userId: string; at: number } };
}

let opened: Promise<IDBPDatabase<OfflineSchema>> | null = null;

function database(): Promise<IDBPDatabase<OfflineSchema>> {
  opened ??= openDB<OfflineSchema>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore("device");
      db.createObjectStore("visits", { keyPath: "visitId" });
      db.createObjectStore("operations", { keyPath: "seq", autoIncrement: true }).createIndex("byVisit", "visitId");
      db.createObjectStore("photos", { keyPath: "operationId" });
      db.createObjectStore("meta");
    },
  });
  return opened;
}

/** The person whose data this device holds, if any. */
export async function deviceOwner(): Promise<string | null> {
  return (await (await database()).get("device", "key"))?.userId ?? null;
}

/** The device key of `userId`, created on first use; another person's data must be discarded first. */
async function sealerFor(userId: string, create: boolean): Promise<Sealer | null> {
  const db = await database();
  const stored = await db.get("device", "key");
  if (stored) return stored.userId === userId ? sealer(stored.key) : null;
  if (!create) return null;
  const key = await createDeviceKey();
  await db.put("device", { userId, key }, "key");
  return sealer(key);
}

export class OtherPersonsDataError extends Error {
  constructor() {
    super("Another person's offline data is on this device");
  }
}

export type VisitSummary = { visitId: string; tenantSlug: string; userId: string; takenAt: number };

export async function storeVisit(userId: string, tenantSlug: string, content: OfflinePackage): Promise<void> {
  const seal = await sealerFor(userId, true);
  if (!seal) throw new OtherPersonsDataError();
  await (await database()).put("visits", { visitId: content.visit.id, tenantSlug, userId, takenAt: Date.now(), sealed: await seal.sealJson(content) });
}

export async function storedVisits(): Promise<VisitSummary[]> {
  return (await (await database()).getAll("visits")).map(({ sealed: _sealed, ...summary }) => summary);
}

/** A visit's stored content, for its owner; null if absent or another person's. */
export async function readVisit(userId: string, visitId: string): Promise<{ summary: VisitSummary; content: OfflinePackage } | null> {
  const stored = await (await database()).get("visits", visitId);
  const seal = stored ? await sealerFor(userId, false) : null;
  if (!stored || !seal || stored.userId !== userId) return null;
  const { sealed, ...summary } = stored;
  return { summary, content: await seal.openJson<OfflinePackage>(sealed) };
}

export async function updateVisit(userId: string, visitId: string, change: (content: OfflinePackage) => OfflinePackage): Promise<void> {
  const current = await readVisit(userId, visitId);
  const seal = await sealerFor(userId, false);
  if (!current || !seal) return;
  await (await database()).put("visits", { ...current.summary, sealed: await seal.sealJson(change(current.content)) });
}

/** "Remove from this device": the visit, its queued changes and photos. */
export async function removeVisit(visitId: string): Promise<void> {
  const db = await database();
  const operations = await db.getAllFromIndex("operations", "byVisit", visitId);
  const tx = db.transaction(["visits", "operations", "photos"], "readwrite");
  await tx.objectStore("visits").delete(visitId);
  for (const operation of operations) {
    await tx.objectStore("operations").delete(operation.seq);
    await tx.objectStore("photos").delete(operation.id);
  }
  await tx.done;
}

/** Sign-out: everything, the key included, so that nothing left behind can be read. */
export async function wipeDevice(): Promise<void> {
  const db = await opened?.catch(() => null);
  db?.close();
  opened = null;
  await deleteDB(DB_NAME);
}

export async function storePhoto(userId: string, operationId: string, bytes: ArrayBuffer): Promise<void> {
  const seal = await sealerFor(userId, false);
  if (!seal) throw new OtherPersonsDataError();
  await (await database()).put("photos", { operationId, sealed: await seal.sealBytes(bytes) });
}

export async function readPhoto(userId: string, operationId: string): Promise<ArrayBuffer | null> {
  const stored = await (await database()).get("photos", operationId);
  const seal = await sealerFor(userId, false);
  return stored && seal ? seal.openBytes(stored.sealed) : null;
}

/** When the last change went through for this person. */
export async function lastSync(): Promise<{ userId: string; at: number } | null> {
  return (await (await database()).get("meta", "lastSync")) ?? null;
}

export async function recordSync(userId: string): Promise<void> {
  await (await database()).put("meta", { userId, at: Date.now() }, "lastSync");
}

/** How many changes wait (of one visit, or all), and whose they are (readable without the key: the ids are in the clear). */
export async function queueSummary(visitId?: string): Promise<{ pending: number; conflicts: number; refused: number; owners: string[] }> {
  const db = await database();
  const all = visitId ? await db.getAllFromIndex("operations", "byVisit", visitId) : await db.getAll("operations");
  return {
    pending: all.filter((o) => o.state === "pending").length,
    conflicts: all.filter((o) => o.state === "conflict").length,
    refused: all.filter((o) => o.state === "refused").length,
    owners: [...new Set(all.map((o) => o.userId))],
  };
}

/** The queue of `userId`'s changes, sealed at rest (queue.ts's OperationStore). */
export function operationStore(userId: string): OperationStore {
  async function seal(): Promise<Sealer> {
    const found = await sealerFor(userId, false);
    if (!found) throw new OtherPersonsDataError();
    return found;
  }
  async function toStored(operation: Omit<QueuedOperation, "seq"> & { seq?: number }): Promise<StoredOperation> {
    const { payload, theirs, refusal, ...clear } = operation;
    return { ...clear, sealed: await (await seal()).sealJson({ payload, theirs, refusal }) } as StoredOperation;
  }
  return {
    async list() {
      const db = await database();
      const stored = await db.getAll("operations");
      const opener = await sealerFor(userId, false);
      const mine = stored.filter((o) => o.userId === userId);
      // Another person's changes stay sealed: they are listed without content, to be discarded only.
      const others = stored.filter((o) => o.userId !== userId).map(({ sealed: _sealed, ...clear }) => ({ ...clear, payload: null }) as unknown as QueuedOperation);
      const opened = opener
        ? await Promise.all(mine.map(async ({ sealed, ...clear }) => ({ ...clear, ...(await opener.openJson<Pick<QueuedOperation, "payload" | "theirs" | "refusal">>(sealed)) }) as QueuedOperation))
        : [];
      return [...opened, ...others].sort((a, b) => a.seq - b.seq);
    },
    async add(operation) {
      const db = await database();
      const seq = await db.add("operations", await toStored(operation));
      return { ...operation, seq } as QueuedOperation;
    },
    async put(operation) {
      await (await database()).put("operations", await toStored(operation));
    },
    async remove(seq) {
      const db = await database();
      const stored = await db.get("operations", seq);
      await db.delete("operations", seq);
      if (stored) await db.delete("photos", stored.id);
    },
  };
}

/** Discards every queued change (another person's left on this device, or mine after confirming). */
export async function discardQueue(): Promise<void> {
  const db = await database();
  const tx = db.transaction(["operations", "photos"], "readwrite");
  await tx.objectStore("operations").clear();
  await tx.objectStore("photos").clear();
  await tx.done;
}
