import type PgBoss from "pg-boss";
import type { JobDefinition, JobEnvironment } from "./job.ts";
import { purgeJob } from "./purge.ts";
import { appRoleBoss, prepareQueues } from "./queue.ts";
import { reminderJob } from "./recommendation-reminders.ts";
import { workspaceExportJob } from "./workspace-export.ts";

export { PURGE_QUEUE } from "./purge.ts";
export { REMINDER_QUEUE, REMINDER_SCHEDULE_OPTIONS } from "./recommendation-reminders.ts";
export { EXPORT_QUEUE, enqueueWorkspaceExport } from "./workspace-export.ts";
export { jobQueueCounts } from "./metrics.ts";
export { jobsRunInWeb } from "./runner.ts";
export { listDeadLetters, type DeadLetter } from "./dead-letters.ts";

/**
 * Every background job of Vigil, on pg-boss (docs/decisions/0087, 0166). The web server starts them
 * all with `startJobs` unless JOB_RUNNER=worker, when `pnpm worker` (worker.ts) makes the same two calls.
 */
const ALL_JOBS = [reminderJob, workspaceExportJob, purgeJob] as const satisfies readonly JobDefinition[];

type AnyJob = (typeof ALL_JOBS)[number];
type JobName = AnyJob["queue"]["name"];
/** The jobs that need no data, so anyone may queue them now; the export's job comes only with its export. */
type ScheduledJobName = Extract<AnyJob, { cron: string }>["queue"]["name"];

/** As the owner, at start-up (idempotent): pg-boss's schema, every job's queue, the app role's privileges. */
export async function prepareJobSchema(ownerUrl?: string): Promise<void> {
  await prepareQueues(ALL_JOBS.map((job) => job.queue), ownerUrl);
}

export type RunningJobs = {
  /** Queues a job now (the purge at start, an operator, tests); null when its queue's policy dropped it as a duplicate. */
  runNow: (name: ScheduledJobName) => Promise<string | null>;
  /** Stops the workers and the queue's connections. */
  stop: (options?: PgBoss.StopOptions) => Promise<void>;
  boss: PgBoss;
};

/**
 * As the app role: the queue, every job's schedule and worker. `workers` starts only some workers
 * (tests: one test file per queue, since a worker takes any job of its queue); `schedules: false`
 * leaves the cron schedules out, so only `runNow` triggers a job.
 */
export async function startJobs(options: JobEnvironment & { connectionString?: string; schedules?: boolean; workers?: readonly JobName[] }): Promise<RunningJobs> {
  const schedules = options.schedules ?? true;
  const boss = appRoleBoss({ connectionString: options.connectionString, schedules });
  boss.on("error", (error) => options.log(`Job queue error: ${String(error)}`));
  await boss.start();
  const environment: JobEnvironment = { log: options.log, appUrl: options.appUrl };
  for (const job of ALL_JOBS) {
    if (schedules && "cron" in job) await boss.schedule(job.queue.name, job.cron, {}, { tz: "UTC", ...("scheduleOptions" in job ? job.scheduleOptions : {}) });
    if (!options.workers || options.workers.includes(job.queue.name)) await job.work(boss, environment);
  }
  return {
    runNow: (name) => boss.send(name, {}),
    stop: (stopOptions) => boss.stop(stopOptions),
    boss,
  };
}
