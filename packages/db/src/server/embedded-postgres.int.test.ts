import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { freePort } from "../testing/test-database.ts";
import { embeddedClusterDir } from "./embedded-location.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";

const dataDirs: string[] = [];
afterAll(async () => {
  for (const dir of dataDirs) {
    await rm(path.dirname(embeddedClusterDir(dir)), { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
});

async function answers(adminUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const result = await client.query<{ one: number }>("SELECT 1 AS one");
  await client.end();
  return result.rows[0]!.one;
}

it("creates the cluster on the first start, reuses it later, and starts afresh when its data folder was reset", async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "vigil-embedded-"));
  dataDirs.push(dataDir);
  const port = await freePort();

  const first = await startEmbeddedPostgres({ dataDir, port, quiet: true });
  expect(first.created).toBe(true);
  expect(await answers(first.adminUrl)).toBe(1);
  await first.stop();

  const second = await startEmbeddedPostgres({ dataDir, port, quiet: true });
  expect(second.created).toBe(false);
  expect(await answers(second.adminUrl)).toBe(1);
  await second.stop();

  // Someone deletes the data folder to start over (under root the cluster itself lives elsewhere).
  await rm(dataDir, { recursive: true, force: true });
  const third = await startEmbeddedPostgres({ dataDir, port, quiet: true });
  expect(third.created).toBe(true);
  expect(await answers(third.adminUrl)).toBe(1);
  await third.stop();
}, 60_000);
