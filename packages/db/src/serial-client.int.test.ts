import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appDatabaseUrl } from "./config.ts";
import { SerialClient } from "./serial-client.ts";
import { withScope } from "./tenant-scope.ts";

/**
 * Decision 0181: queries sent at once on one connection (a transaction's reads started together)
 * take turns in Vigil's client, not in node-postgres's deprecated internal queue (refused by pg@9).
 */
describe("SerialClient", () => {
  let warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  beforeEach(() => {
    warnings = [];
    process.on("warning", onWarning);
  });
  afterEach(() => process.off("warning", onWarning));
  const queueWarnings = async () => {
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    return warnings.filter((message) => /already executing a query/i.test(message));
  };

  it("answers queries sent at once in order, each with its own result, and a failed one does not stop the next", async () => {
    const client = new SerialClient({ connectionString: appDatabaseUrl() });
    await client.connect();
    try {
      const finished: number[] = [];
      const sent = [3, 2, 1].map((n) => client.query<{ n: number }>(`SELECT $1::int AS n, pg_sleep($1::int / 100.0)`, [n]).then((r) => (finished.push(n), r.rows[0]?.n)));
      const failed = client.query("SELECT 1 / 0").then(() => "ran", (error: Error) => error.message);
      const after = client.query<{ ok: boolean }>("SELECT true AS ok");
      expect(await Promise.all(sent)).toEqual([3, 2, 1]);
      expect(finished).toEqual([3, 2, 1]); // one at a time: the slowest, sent first, finished first
      expect(await failed).toMatch(/division by zero/);
      expect((await after).rows[0]?.ok).toBe(true);
      expect(await queueWarnings()).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it("serves Prisma's transactions: reads started together in one transaction all answer, without the deprecated queue", async () => {
    const answers = await withScope({ tenantId: null, userId: null }, (tx) =>
      Promise.all([1, 2, 3, 4].map((n) => tx.$queryRaw<{ n: number }[]>`SELECT ${n}::int AS n, pg_sleep(0.01)::text`.then((rows) => rows[0]?.n))),
    );
    expect(answers).toEqual([1, 2, 3, 4]);
    expect(await queueWarnings()).toEqual([]);
  });

  it("goes through pg.Client's query as it is at each call, so a recorder installed later sees every statement", async () => {
    const client = new SerialClient({ connectionString: appDatabaseUrl() });
    await client.connect();
    type Query = (this: pg.Client, ...args: unknown[]) => unknown;
    const prototype = pg.Client.prototype as unknown as { query: Query };
    const original = prototype.query;
    const seen: string[] = [];
    prototype.query = function (this: pg.Client, ...args: unknown[]) {
      if (typeof args[0] === "string") seen.push(args[0]);
      return original.apply(this, args);
    };
    try {
      await Promise.all([client.query("SELECT 1"), client.query("SELECT 2")]);
      expect(seen).toEqual(["SELECT 1", "SELECT 2"]);
    } finally {
      prototype.query = original;
      await client.end();
    }
  });
});
