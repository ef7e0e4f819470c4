import type PgBoss from "pg-boss";
import type { QueueDefinition } from "./queue.ts";

type JobLog = (message: string) => void;

/** What every job's worker gets from whoever starts the queue (the web server today, a worker process later). */
export type JobEnvironment = { log: JobLog; appUrl?: string };

/**
 * One background job: its queue (created by the owner), an optional schedule (cron, UTC), and its
 * worker. Every handler is idempotent: pg-boss delivers at least once, and a retry or a second run
 * changes nothing that the first already did.
 */
export type JobDefinition = {
  queue: QueueDefinition;
  cron?: string;
  /** pg-boss's send options for each job the schedule creates (an idempotency key per slot). */
  scheduleOptions?: Omit<PgBoss.ScheduleOptions, "tz">;
  work: (boss: PgBoss, environment: JobEnvironment) => Promise<void>;
};
