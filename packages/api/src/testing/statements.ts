import pg from "pg";

/** One statement as it reached PostgreSQL: its text and its parameters. */
export type Statement = { text: string; values: unknown[] };

let recording: Statement[] | null = null;
let installed = false;

/**
 * Records what reaches PostgreSQL while `work` runs, through any client (Prisma's pg adapter and our
 * own share the one pg module), by wrapping pg's Client#query once. Tests use it to pin how many
 * look-ups or transactions a request costs (issue 15; they count statements, never time); the bench
 * replays the statements as raw SQL. Calls must not overlap (the record is process-wide).
 */
export async function captureStatements(work: () => Promise<unknown>): Promise<Statement[]> {
  install();
  recording = [];
  try {
    await work();
    return recording;
  } finally {
    recording = null;
  }
}

/** The text of every statement `work` sent. */
export async function recordStatements(work: () => Promise<unknown>): Promise<string[]> {
  return (await captureStatements(work)).map((statement) => statement.text);
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

function install() {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as unknown as Query;
  (pg.Client.prototype as unknown as { query: Query }).query = function query(this: pg.Client, ...args: unknown[]) {
    const [first, second] = args;
    if (recording) {
      if (typeof first === "string") recording.push({ text: first, values: Array.isArray(second) ? second : [] });
      else if (first && typeof first === "object" && "text" in first) {
        const config = first as { text: unknown; values?: unknown[] };
        recording.push({ text: String(config.text), values: config.values ?? [] });
      }
    }
    return original.apply(this, args);
  };
}

/** How many transactions the statements opened. */
export function transactionsIn(statements: string[]): number {
  return statements.filter((text) => /^\s*BEGIN\b/i.test(text)).length;
}

/** How many times the statements looked a session up. */
export function sessionLookUpsIn(statements: string[]): number {
  return statements.filter((text) => /\bsession_with_user\(/.test(text)).length;
}
