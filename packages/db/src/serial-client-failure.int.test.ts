import pg from "pg";
import { describe, expect, it } from "vitest";
import { appDb } from "./app-client.ts";
import { appDatabaseUrl } from "./config.ts";
import { isDatabaseUnavailable } from "./errors.ts";
import { SerialClient } from "./serial-client.ts";
import { withScope } from "./tenant-scope.ts";

/**
 * Decision 0181, when things go wrong: a connection lost while statements wait their turn, a
 * transaction past its time limit. Queued statements must fail (never wait forever), the pool must
 * drop the broken connection, and the next transaction must work.
 */
async function terminate(pid: number) {
  // The application's role may end its own sessions: no superuser needed.
  const killer = new pg.Client({ connectionString: appDatabaseUrl() });
  await killer.connect();
  try {
    await killer.query("SELECT pg_terminate_backend($1)", [pid]);
  } finally {
    await killer.end();
  }
}

describe("SerialClient when the connection fails", () => {
  it("rejects the running and every queued query when its backend is killed, and refuses later ones", async () => {
    const client = new SerialClient({ connectionString: appDatabaseUrl() });
    client.on("error", () => undefined); // the lost connection is also reported as an event
    await client.connect();
    const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    const settled = [1, 2, 3, 4].map((n) => client.query(`SELECT pg_sleep(${n === 1 ? 5 : 0}), ${n}`).then(() => "ran", (error: Error) => error.message));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await terminate(pid);
    const outcomes = await Promise.all(settled);
    expect(outcomes.every((outcome) => outcome !== "ran")).toBe(true);
    await expect(client.query("SELECT 1")).rejects.toThrow();
    await client.end().catch(() => undefined);
  }, 10_000);

  it("fails a transaction whose connection is killed while its reads wait, and the next transaction works", async () => {
    const failed = withScope({ tenantId: null, userId: null }, async (tx) => {
      const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      const reads = [5, 0, 0, 0].map((seconds) => tx.$queryRaw`SELECT pg_sleep(${seconds}::float8)::text`);
      setTimeout(() => void terminate(row!.pid), 200);
      return Promise.all(reads);
    });
    // A lost connection is the database's trouble, answered 503 with Retry-After (decision 0131), not a 500.
    expect(isDatabaseUnavailable(await failed.then(() => null, (error: unknown) => error))).toBe(true);
    // Every connection of the pool still answers (a broken one was dropped, not handed out again).
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, n) => withScope({ tenantId: null, userId: null }, (tx) => tx.$queryRaw<{ n: number }[]>`SELECT ${n}::int AS n`)),
    );
    expect(answers.map((rows) => rows[0]?.n)).toEqual(Array.from({ length: 12 }, (_, n) => n));
  }, 15_000);

  it("rolls back a transaction past its time limit even while a statement runs, on the database too", async () => {
    const marker = `timed-out-${process.pid}-${Date.now()}`;
    const outcome = appDb()
      .$transaction(
        async (tx) => {
          // A session-level setting made inside a transaction survives its commit and is undone by its rollback.
          await tx.$executeRaw`SELECT set_config('app.rollback_probe', ${marker}, false)`;
          await Promise.all([tx.$queryRaw`SELECT pg_sleep(2)::text`, tx.$queryRaw`SELECT 1`]);
          return "committed";
        },
        { timeout: 500 },
      )
      .then((value) => value, (error: Error) => error.message);
    expect(await outcome).not.toBe("committed");
    // More transactions at once than the pool has connections: every connection is looked at.
    const settings = await Promise.all(
      Array.from({ length: 12 }, () =>
        appDb().$transaction(async (tx) => {
          const rows = await tx.$queryRaw<{ probe: string | null }[]>`SELECT current_setting('app.rollback_probe', true) AS probe, pg_sleep(0.05)::text`;
          return rows[0]?.probe ?? "";
        }),
      ),
    );
    expect(settings).not.toContain(marker);
  }, 15_000);

  it("fails a transaction whose connection is killed between its statements, without crashing the process", async () => {
    const failed = withScope({ tenantId: null, userId: null }, async (tx) => {
      const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      await terminate(row!.pid);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return Promise.all([tx.$queryRaw`SELECT 1`, tx.$queryRaw`SELECT 2`]);
    });
    await expect(failed).rejects.toThrow(/not queryable|terminat|closed/i);
    expect(isDatabaseUnavailable(await failed.then(() => null, (error: unknown) => error))).toBe(true);
    const answers = await Promise.all(Array.from({ length: 12 }, () => withScope({ tenantId: null, userId: null }, (tx) => tx.$queryRaw`SELECT 1`)));
    expect(answers).toHaveLength(12);
  }, 15_000);

  it("never sends a sibling's statement after its transaction rolled back (it would run in another request's transaction)", async () => {
    let late: Promise<unknown> | undefined;
    const failed = withScope({ tenantId: "11111111-1111-4111-8111-111111111111", userId: null }, async (tx) => {
      late = (async () => {
        await tx.$queryRaw`SELECT pg_sleep(0.3)::text`;
        return tx.$queryRaw`SELECT current_setting('app.tenant_id', true) AS tenant`;
      })();
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error("a sibling failed");
    });
    await expect(failed).rejects.toThrow("a sibling failed");
    // Another request holds the connection by the time the late statement would be sent.
    const other = withScope({ tenantId: "22222222-2222-4222-8222-222222222222", userId: null }, async (tx) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      return tx.$queryRaw`SELECT 1`;
    });
    await expect(late).rejects.toThrow(/already closed/i);
    await other;
  }, 15_000);

  it("refuses a sibling's statement sent while the rollback still waits behind a running one", async () => {
    let running: Promise<unknown> | undefined;
    let late: Promise<unknown> | undefined;
    const failed = withScope({ tenantId: "11111111-1111-4111-8111-111111111111", userId: null }, async (tx) => {
      // Prisma's query promises start when awaited or then-ed.
      running = tx.$queryRaw`SELECT pg_sleep(0.4)::text`.then(() => "ran");
      // Sent after the rollback was queued behind the running statement, before it ran.
      setTimeout(() => (late = tx.$queryRaw`SELECT current_setting('app.tenant_id', true) AS tenant`.then(() => "ran", (error: Error) => error.message)), 100);
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error("a sibling failed");
    });
    await expect(failed).rejects.toThrow("a sibling failed");
    expect(await running).toBe("ran");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await late).toMatch(/already closed/i);
  }, 15_000);
});

