import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { prepareQueues } from "./queue.ts";

describe("preparing the queues", () => {
  it("succeeds in every process when several start at once, and creates each queue once", async () => {
    // Two web instances and the worker prepare the same queues as they start; a queue they all see
    // missing must still be created once, not fail the slower processes' start.
    const names = [`race-${randomUUID()}`, `race-${randomUUID()}`];
    const queues = names.map((name) => ({ name, options: { retryLimit: 1 } }));
    const owner = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
    await owner.connect();
    try {
      const starts = await Promise.allSettled([1, 2, 3, 4].map(() => prepareQueues(queues, process.env.DATABASE_OWNER_URL)));
      expect(starts.map((start) => start.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
      const { rows } = await owner.query<{ name: string }>("SELECT name FROM pgboss.queue WHERE name = ANY($1)", [names]);
      expect(rows.map((row) => row.name).sort()).toEqual([...names].sort());
    } finally {
      for (const name of names) await owner.query("SELECT pgboss.delete_queue($1)", [name]).catch(() => owner.query("DELETE FROM pgboss.queue WHERE name = $1", [name]));
      await owner.end();
    }
  });
});
