import pg from "pg";

let recording: string[] | null = null;
let installed = false;

/**
 * Counts what reaches PostgreSQL: the text of every statement sent while `work` runs, through any
 * client (Prisma's pg adapter and our own share the one pg module). For tests that pin how many
 * look-ups or transactions a request costs (issue 15); they count statements, never time.
 * Calls must not overlap (the record is process-wide).
 */
export async function recordStatements(work: () => Promise<unknown>): Promise<string[]> {
  install();
  recording = [];
  try {
    await work();
    return recording;
  } finally {
    recording = null;
  }
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

function install() {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as unknown as Query;
  (pg.Client.prototype as unknown as { query: Query }).query = function query(this: pg.Client, ...args: unknown[]) {
    const [first] = args;
    if (recording) {
      if (typeof first === "string") recording.push(first);
      else if (first && typeof first === "object" && "text" in first) recording.push(String((first as { text: unknown }).text));
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
