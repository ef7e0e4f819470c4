import { describe, expect, it } from "vitest";
import { createPrismaClient } from "./client.ts";
import { appDatabaseUrl } from "./config.ts";
import { isDatabaseUnavailable } from "./errors.ts";

/**
 * Every connection busy (a burst of pages, each holding its shared read transaction): a request
 * that cannot get one in time is the database's temporary trouble, answered 503 with Retry-After
 * like a pool timeout (decision 0131), not a 500 logged as a bug.
 */
describe("isDatabaseUnavailable with every connection busy", () => {
  it("recognises a transaction that could not start in time, but not one that ran past its own limit", async () => {
    const db = createPrismaClient(appDatabaseUrl(), { max: 1 });
    try {
      const holder = db.$transaction((tx) => tx.$queryRaw`SELECT pg_sleep(3)::text`, { timeout: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const couldNotStart = await db.$transaction((tx) => tx.$queryRaw`SELECT 1`, { maxWait: 500 }).then(() => null, (error: unknown) => error);
      expect(couldNotStart).not.toBeNull();
      expect(isDatabaseUnavailable(couldNotStart)).toBe(true);
      await holder;
      const ranTooLong = await db.$transaction((tx) => tx.$queryRaw`SELECT pg_sleep(1)::text`.then(() => tx.$queryRaw`SELECT 1`), { timeout: 300 }).then(() => null, (error: unknown) => error);
      expect(ranTooLong).not.toBeNull();
      expect(isDatabaseUnavailable(ranTooLong)).toBe(false);
    } finally {
      await db.$disconnect();
    }
  }, 20_000);

  it("a transaction that could not start in time leaves no connection behind when one frees up", async () => {
    const db = createPrismaClient(appDatabaseUrl(), { max: 1 });
    try {
      const holder = db.$transaction((tx) => tx.$queryRaw`SELECT pg_sleep(1)::text`, { timeout: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await expect(db.$transaction((tx) => tx.$queryRaw`SELECT 1`, { maxWait: 200 })).rejects.toThrow(/Unable to start a transaction/);
      await holder;
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(db.$transaction((tx) => tx.$queryRaw`SELECT 1`, { maxWait: 3000 })).resolves.toBeTruthy();
    } finally {
      await db.$disconnect();
    }
  }, 20_000);
});

