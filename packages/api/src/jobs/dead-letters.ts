import pg from "pg";

/** A job that failed on its last attempt: what an operator needs to see it, never a stack trace. */
export type DeadLetter = { queue: string; id: string; failedAt: Date | null; attempts: number; error: string | null; data: unknown };

/**
 * The dead letters (docs/decisions/0222): jobs pg-boss gave up on after their retries, newest
 * first, from the live table and from pg-boss's archive (where finished jobs move after a while).
 * Read as the app role, which may read pg-boss's schema; for the operator console, `pnpm
 * jobs:failed`, and the worker's log.
 */
export async function listDeadLetters(options: { limit?: number; connectionString?: string } = {}): Promise<DeadLetter[]> {
  const client = new pg.Client({ connectionString: options.connectionString ?? process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; id: string; completed_on: Date | null; retry_count: number; output: { message?: unknown } | null; data: unknown }>(
      `SELECT name, id::text, completed_on, retry_count, output, data FROM (
         SELECT name, id, completed_on, retry_count, output, data FROM pgboss.job WHERE state = 'failed'
         UNION ALL
         SELECT name, id, completed_on, retry_count, output, data FROM pgboss.archive WHERE state = 'failed'
       ) failed ORDER BY completed_on DESC NULLS LAST LIMIT $1`,
      [options.limit ?? 50],
    );
    return rows.map((row) => ({
      queue: row.name,
      id: row.id,
      failedAt: row.completed_on,
      attempts: row.retry_count + 1,
      error: typeof row.output?.message === "string" ? row.output.message : null,
      data: row.data,
    }));
  } finally {
    await client.end();
  }
}
