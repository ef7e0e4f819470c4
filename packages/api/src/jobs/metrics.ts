import { appDb } from "@vigil/db";
import { JOB_SCHEMA } from "./queue.ts";

/**
 * How many jobs each queue holds in each state (created, retry, active, completed, cancelled,
 * failed), for the metrics endpoint: the depth (created + retry) and the failures of every queue.
 * Read as the application role, which runs the workers and so may read pg-boss's job table.
 */
export async function jobQueueCounts(): Promise<{ queue: string; state: string; jobs: number }[]> {
  const rows = await appDb().$queryRawUnsafe<{ name: string; state: string; jobs: bigint }[]>(
    `SELECT name, state::text AS state, count(*) AS jobs FROM "${JOB_SCHEMA}".job GROUP BY name, state`,
  );
  return rows.map((row) => ({ queue: row.name, state: row.state, jobs: Number(row.jobs) }));
}
