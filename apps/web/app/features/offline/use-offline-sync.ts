import { useCallback, useEffect, useState } from "react";
import { trpc } from "../../lib/trpc.client";
import { deviceOwner, lastSync, operationStore, queueSummary, recordSync } from "./device-store";
import { flush, type FlushReport } from "./queue";
import { sendAndRecord } from "./local-visit";
import { announceQueueChange, QUEUE_CHANGED } from "./queue-events";


export type SyncState = {
  online: boolean;
  pending: number;
  conflicts: number;
  refused: number;
  lastSyncAt: number | null;
  sending: boolean;
  /** Why the last run stopped: no network, a session to renew, or the signed-in person is not the changes' author. */
  stopped: FlushReport["stopped"];
  /** Whose data the device holds (null: nobody's; undefined: not read yet). */
  owner: string | null | undefined;
};

const AUTOMATIC_EVERY_MS = 15_000;

/**
 * Runs the queue of one tab at a time (the Web Locks API where the browser has it): two tabs would
 * only send the same changes twice, which the server applies once, but in turn is tidier.
 */
function exclusively<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator !== "undefined" && "locks" in navigator) return navigator.locks.request("vigil-offline-queue", work);
  return work();
}

async function runQueue(force: boolean): Promise<FlushReport | null> {
  const owner = await deviceOwner();
  if (!owner || (await queueSummary()).pending === 0) return null;
  // Who is signed in now decides whether the device's changes may be sent at all.
  let signedIn: string | null;
  try {
    signedIn = (await trpc.auth.me.query())?.id ?? null;
  } catch {
    return { applied: 0, conflicts: 0, refused: 0, stopped: "network" };
  }
  if (!signedIn) return { applied: 0, conflicts: 0, refused: 0, stopped: "session" };
  const report = await flush({ store: operationStore(owner), send: sendAndRecord, userId: signedIn, now: Date.now, force });
  if (report.applied > 0 || report.stopped === null) await recordSync(owner);
  return report;
}

/**
 * The device's offline status for the status bar: online or not, changes waiting, the last sync,
 * and "send now". Sends automatically when the network comes back and every few seconds while
 * changes wait.
 */
export function useOfflineSync() {
  const [state, setState] = useState<SyncState>({ online: true, pending: 0, conflicts: 0, refused: 0, lastSyncAt: null, sending: false, stopped: null, owner: undefined });

  const refresh = useCallback(async () => {
    const [summary, synced, owner] = await Promise.all([queueSummary(), lastSync(), deviceOwner()]);
    setState((current) => ({ ...current, online: navigator.onLine, pending: summary.pending, conflicts: summary.conflicts, refused: summary.refused, lastSyncAt: synced?.at ?? null, owner }));
  }, []);

  const send = useCallback(async (force: boolean) => {
    if (!navigator.onLine) return refresh();
    setState((current) => ({ ...current, sending: true }));
    try {
      const report = await exclusively(() => runQueue(force));
      setState((current) => ({ ...current, stopped: report?.stopped ?? null }));
    } finally {
      setState((current) => ({ ...current, sending: false }));
      await refresh();
      announceQueueChange();
    }
  }, [refresh]);

  useEffect(() => {
    const onChange = () => void refresh();
    const onOnline = () => void send(true);
    void refresh().then(() => send(false));
    window.addEventListener(QUEUE_CHANGED, onChange);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onChange);
    const timer = setInterval(() => {
      if (navigator.onLine) void send(false);
    }, AUTOMATIC_EVERY_MS);
    return () => {
      window.removeEventListener(QUEUE_CHANGED, onChange);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onChange);
      clearInterval(timer);
    };
  }, [refresh, send]);

  return { ...state, sendNow: () => send(true), refresh };
}
