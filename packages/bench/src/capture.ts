import pg from "pg";

export type Statement = { text: string; values: unknown[] };

let recording: Statement[] | null = null;

/**
 * Records the SQL the application sends while `work` runs, by wrapping pg's Client#query (Prisma's
 * pg adapter and our own clients share the one pg module). The bench replays these statements as
 * "the same queries as raw SQL", so the comparison cannot drift from what the procedures really run.
 */
export async function captureStatements(work: () => Promise<unknown>): Promise<Statement[]> {
  recording = [];
  try {
    await work();
    return recording;
  } finally {
    recording = null;
  }
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const original = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function query(this: pg.Client, ...args: unknown[]) {
  const [first, second] = args;
  if (recording) {
    if (typeof first === "string") recording.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === "object" && "text" in first) {
      const config = first as { text: string; values?: unknown[] };
      recording.push({ text: config.text, values: config.values ?? [] });
    }
  }
  return original.apply(this, args);
};

/**
 * The statements of the procedure's own work: without the transaction, the tenant settings and the
 * membership check that every tenant procedure runs first (enter_workspace, or the older membership
 * query; the raw replay sets the tenant itself).
 */
export function workStatements(statements: Statement[]): Statement[] {
  return statements.filter(({ text }) => {
    const sql = text.trim();
    if (/^(BEGIN|COMMIT|ROLLBACK)/i.test(sql)) return false;
    if (/set_config\('app\./i.test(sql)) return false;
    if (/\benter_workspace\(/i.test(sql)) return false;
    if (/FROM "public"\."memberships"/i.test(sql) && /"public"\."tenants"/i.test(sql)) return false;
    return true;
  });
}
