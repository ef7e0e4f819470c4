import { logger } from "./logger.ts";

/**
 * Work that must wait for a transaction's outcome (decision 0252): removing a stored object whose
 * row a transaction deletes must wait for the commit (a rollback would otherwise keep the row and
 * lose its file), and removing an object stored for a row the transaction then failed to keep must
 * wait for the rollback. A failed task is logged and leaves an orphan object for a sweep; it never
 * changes the request's answer, since the transaction's outcome is already decided.
 */
type Task = () => Promise<unknown>;
type Outcomes = { committed: Task[]; rolledBack: Task[] };

const outcomesOf = new WeakMap<object, Outcomes>();

function outcomes(tx: object): Outcomes {
  const found = outcomesOf.get(tx);
  // A service called with a transaction nobody watches would run its task at the wrong time: a bug.
  if (!found) throw new Error("afterCommit/afterRollback outside a transaction opened by withOutcomeTasks");
  return found;
}

/** Runs `task` once the transaction `tx` has committed; never if it rolls back. */
export function afterCommit(tx: object, task: Task): void {
  outcomes(tx).committed.push(task);
}

/** Runs `task` once the transaction `tx` has rolled back; never if it commits. */
export function afterRollback(tx: object, task: Task): void {
  outcomes(tx).rolledBack.push(task);
}

/**
 * Opens a transaction through `open` (which must hand its transaction to `watch` before any
 * service runs in it), then runs the tasks its outcome calls for.
 */
export async function withOutcomeTasks<T>(open: (watch: (tx: object) => void) => Promise<T>): Promise<T> {
  const tasks: Outcomes = { committed: [], rolledBack: [] };
  let result: T;
  try {
    result = await open((tx) => outcomesOf.set(tx, tasks));
  } catch (error) {
    await runAll(tasks.rolledBack, "after rollback");
    throw error;
  }
  await runAll(tasks.committed, "after commit");
  return result;
}

async function runAll(tasks: Task[], when: string): Promise<void> {
  for (const task of tasks) {
    try {
      await task();
    } catch (error) {
      logger.warn({ err: error }, `a task ${when} failed; a stored object may be left for the sweep`);
    }
  }
}
