import { purgeDeletedWorkspaces } from "../workspaces/deletion.ts";
import { purgeExpiredExports } from "../workspaces/export.ts";
import type { JobDefinition } from "./job.ts";

export const PURGE_QUEUE = "purge-expired";
/** Hourly, as the interval it replaces: exports expire after 24 hours, workspaces after 30 days (decision 0032). */
const PURGE_CRON = "0 * * * *";

/**
 * Removes what has expired: workspaces deleted more than 30 days ago (rows and files) and exports
 * finished more than 24 hours ago (file and row). Idempotent: both select only by time, and a second
 * run finds nothing left. "stately": at most one purge waits and one runs, however many servers
 * queue one at start. Each part fails on its own, as before: one failing does not skip the other.
 */
export const purgeJob = {
  queue: { name: PURGE_QUEUE, options: { policy: "stately", retryLimit: 2, retryDelay: 60 } },
  cron: PURGE_CRON,
  work: async (boss, { log }) => {
    await boss.work(PURGE_QUEUE, async () => {
      const failures: unknown[] = [];
      const workspaces = await purgeDeletedWorkspaces().catch((error: unknown) => {
        log(`Workspace purge failed: ${String(error)}`);
        failures.push(error);
        return [];
      });
      const exports = await purgeExpiredExports().catch((error: unknown) => {
        log(`Export purge failed: ${String(error)}`);
        failures.push(error);
        return 0;
      });
      if (workspaces.length > 0 || exports > 0) log(`Purged ${workspaces.length} deleted workspace(s) and ${exports} expired export(s).`);
      // pg-boss retries the job; what the failed part left is found again then.
      if (failures.length > 0) throw new AggregateError(failures, "purge failed");
    });
  },
} satisfies JobDefinition;
