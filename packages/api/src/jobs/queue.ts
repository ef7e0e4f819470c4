import pg from "pg";
import PgBoss from "pg-boss";
import type { TenantTx } from "@vigil/db";

/**
 * The job queue: pg-boss in its own schema, `pgboss` (docs/decisions/0087, 0166). The owner role
 * installs and migrates that schema, creates the queues (a queue is a partition of pg-boss's job
 * table, so creating one needs the table's owner) and grants the app role the use of it; the app
 * role then runs pg-boss with `migrate: false`, owning nothing there either.
 */
export const JOB_SCHEMA = "pgboss";
/** The queue through which pg-boss's timekeeper sends each scheduled (cron) job. */
const CRON_QUEUE = "__pgboss__send-it";

/** A queue and how its jobs are retried; created by the owner, used by the app role. */
export type QueueDefinition = { name: string; options: Omit<PgBoss.Queue, "name"> };

function requiredEnv(name: "DATABASE_URL" | "DATABASE_OWNER_URL"): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the job queue needs it (see README).`);
  return value;
}

/** Key of the advisory lock under which one process at a time prepares the queues. */
const PREPARE_LOCK = "vigil:prepare-queues";

/**
 * As the owner, at start-up (idempotent): pg-boss's schema, the queues, and the app role's privileges.
 * A queue that exists keeps its options: pg-boss's policy cannot change after creation.
 *
 * Several processes start at once in a deployment (web instances and the worker), and pg-boss's
 * "is there a queue? then create it" is two statements: two of them saw no queue and the second
 * create failed, so the whole preparation runs under one advisory lock, held on its own connection.
 */
export async function prepareQueues(queues: readonly QueueDefinition[], ownerUrl = requiredEnv("DATABASE_OWNER_URL")): Promise<void> {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query("SELECT pg_advisory_lock(hashtext($1))", [PREPARE_LOCK]);
    await createQueues(queues, ownerUrl);
    await owner.query(`
      GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO vigil_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO vigil_app;
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_SCHEMA} TO vigil_app;
      ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOB_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO vigil_app;`);
  } finally {
    // Ending the session releases the lock too; unlocking first lets the next process go at once.
    await owner.query("SELECT pg_advisory_unlock(hashtext($1))", [PREPARE_LOCK]).catch(() => undefined);
    await owner.end();
  }
}

async function createQueues(queues: readonly QueueDefinition[], ownerUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: JOB_SCHEMA, supervise: false, schedule: false, max: 2 });
  await boss.start();
  try {
    for (const queue of queues) {
      if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, { name: queue.name, ...queue.options });
    }
    // pg-boss's own queue for cron schedules: its timekeeper creates it at start, which the app role
    // cannot (a queue is a partition), so without it no schedule ever fired (decision 0222).
    if (!(await boss.getQueue(CRON_QUEUE))) await boss.createQueue(CRON_QUEUE);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

const JOB_KEPT_SECONDS = 2 * 24 * 60 * 60;

/** A pg-boss instance as the app role, not yet started: schedules and workers are added by the caller. */
export function appRoleBoss(options: { connectionString?: string; schedules: boolean }): PgBoss {
  return new PgBoss({
    connectionString: options.connectionString ?? requiredEnv("DATABASE_URL"),
    schema: JOB_SCHEMA,
    migrate: false,
    schedule: options.schedules,
    max: 2,
    // Finished jobs stay in the job table two days before the archive: the daily reminder's key
    // (a 24-hour slot) is checked against that table, and pg-boss refuses a slot longer than this.
    archiveCompletedAfterSeconds: JOB_KEPT_SECONDS,
  });
}

/**
 * Only builds pg-boss's INSERT: every `send` through it names the connection to run on (`db`), so
 * it never opens a pool of its own and needs no `start`.
 */
const producer = new PgBoss({
  schema: JOB_SCHEMA,
  db: { executeSql: () => Promise.reject(new Error("the job producer sends only inside a given transaction")) },
});

/** The Prisma transaction as pg-boss's `db`: the job is written, or not, with the transaction's other rows. */
function transactionDb(tx: TenantTx): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      // pg would serialise the job's data itself; Prisma's raw query takes it as JSON text.
      const params = values.map((value: unknown) => (value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value));
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...params) };
    },
  };
}

/**
 * Queues a job in the caller's transaction: it exists only if the transaction commits, so the worker
 * never sees a job whose rows are missing, and no one polls for a commit. `id` keys the job: sending
 * it twice queues it once. Returns the job's id, or null when pg-boss dropped it as a duplicate.
 */
export async function enqueueInTransaction(tx: TenantTx, queue: string, data: object, options: { id?: string } = {}): Promise<string | null> {
  return producer.send(queue, data, { ...options, db: transactionDb(tx) });
}
