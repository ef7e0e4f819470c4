import type { TenantTx } from "@vigil/db";
import { logger } from "../core/logger.ts";
import { buildExport } from "../workspaces/export.ts";
import type { JobDefinition } from "./job.ts";
import { enqueueInTransaction } from "./queue.ts";

export const EXPORT_QUEUE = "workspace-export";

type ExportJobData = { tenantId: string; exportId: string };

/**
 * Queues the build of an export in the request's transaction, keyed by the export's id: the job
 * exists exactly when the export row does, and queueing it twice queues it once.
 */
export async function enqueueWorkspaceExport(tx: TenantTx, data: ExportJobData): Promise<void> {
  await enqueueInTransaction(tx, EXPORT_QUEUE, data, { id: data.exportId });
}

/**
 * Builds a requested export (workspaces/export.ts). A failed attempt is retried twice, 10 seconds
 * apart (a database restart, a full disk freed); the last failure marks the export failed, as a
 * failure did before the export ran on the queue. buildExport leaves a finished export alone.
 */
export const workspaceExportJob = {
  // An hour per attempt: pg-boss then counts it failed and retries; a big workspace takes minutes.
  queue: { name: EXPORT_QUEUE, options: { policy: "standard", retryLimit: 2, retryDelay: 10, expireInHours: 1 } },
  work: async (boss) => {
    const log = logger.child({ job: EXPORT_QUEUE });
    await boss.work<ExportJobData>(EXPORT_QUEUE, { includeMetadata: true, pollingIntervalSeconds: 1 }, async ([job]) => {
      if (!job) return;
      await buildExport(job.data.tenantId, job.data.exportId, log, { finalAttempt: job.retryCount >= job.retryLimit });
    });
  },
} satisfies JobDefinition;
