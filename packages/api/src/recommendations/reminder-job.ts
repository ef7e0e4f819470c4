import pg from "pg";
import PgBoss from "pg-boss";
import { sendOverdueReminders } from "./reminders.ts";

/**
 * The reminder job on pg-boss (docs/decisions/0087). pg-boss keeps its queues in its own schema,
 * `pgboss`. The owner role installs and migrates that schema, creates the queue (a queue is a
 * partition of pg-boss's job table, so creating one needs the table's owner) and grants the app
 * role the use of it; the app role then runs pg-boss with `migrate: false`, owning nothing there
 * either. The job itself lists workspaces through the privileged handle and works inside each.
 */
const JOB_SCHEMA = "pgboss";
export const REMINDER_QUEUE = "recommendation-reminders";
/** Every day at 06:00 UTC: reminders arrive at the start of a European working day. */
export const REMINDER_CRON = "0 6 * * *";

type Log = (message: string) => void;

function requiredEnv(name: "DATABASE_URL" | "DATABASE_OWNER_URL"): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the job queue needs it (see README).`);
  return value;
}

/** As the owner, at start-up (idempotent): pg-boss's schema, the queue, and the app role's privileges. */
export async function prepareJobSchema(ownerUrl = requiredEnv("DATABASE_OWNER_URL")): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: JOB_SCHEMA, supervise: false, schedule: false, max: 2 });
  await boss.start();
  try {
    if (!(await boss.getQueue(REMINDER_QUEUE))) await boss.createQueue(REMINDER_QUEUE, { name: REMINDER_QUEUE, policy: "standard", retryLimit: 3, retryDelay: 300 });
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query(`
      GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO vigil_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO vigil_app;
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_SCHEMA} TO vigil_app;
      ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOB_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO vigil_app;`);
  } finally {
    await owner.end();
  }
}

/** As the app role: the daily schedule and the worker. Returns the running instance to stop on shutdown. */
export async function startReminderJob(options: { log: Log; appUrl?: string; connectionString?: string; cron?: string }): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: options.connectionString ?? requiredEnv("DATABASE_URL"), schema: JOB_SCHEMA, migrate: false, max: 2 });
  boss.on("error", (error) => options.log(`Job queue error: ${String(error)}`));
  await boss.start();
  await boss.schedule(REMINDER_QUEUE, options.cron ?? REMINDER_CRON, {}, { tz: "UTC" });
  await boss.work(REMINDER_QUEUE, async () => {
    const run = await sendOverdueReminders({ appUrl: options.appUrl });
    if (run.reminders > 0) options.log(`Sent ${run.emails} reminder e-mail(s) for ${run.reminders} overdue recommendation(s).`);
  });
  return boss;
}

/** Runs the job now, through the queue (tests, and an operator who wants reminders before 06:00). */
export async function runReminderJobNow(boss: PgBoss): Promise<string | null> {
  return boss.send(REMINDER_QUEUE, {});
}
