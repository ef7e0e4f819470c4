import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { TEST_PASSWORDS } from "../testing/test-database.ts";
import { bootstrapDatabase } from "./bootstrap.ts";
import { migrateDatabase } from "./migrate.ts";
import { migrationNamesOnDisk } from "./migration-files.ts";

const adminUrl = process.env.DATABASE_ADMIN_URL_FOR_TESTS!;
const database = `vigil_migrate_${randomBytes(4).toString("hex")}`;

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

it("two processes migrating a new database at once apply each migration exactly once", async () => {
  const urls = await bootstrapDatabase({ adminUrl, database, ...TEST_PASSWORDS });
  const [first, second] = await Promise.all([migrateDatabase(urls.ownerUrl), migrateDatabase(urls.ownerUrl)]);

  const onDisk = await migrationNamesOnDisk();
  // One run applied everything; the other waited on the advisory lock and found nothing to do.
  expect([first, second].sort((x, y) => y.length - x.length)).toEqual([onDisk, []]);

  const owner = new pg.Client({ connectionString: urls.ownerUrl });
  await owner.connect();
  const applied = await owner.query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
  await owner.end();
  expect(applied.rows.map((row) => row.name)).toEqual(onDisk);
});

it("bootstrapping twice is harmless (it runs on every start)", async () => {
  const again = await bootstrapDatabase({ adminUrl, database, ...TEST_PASSWORDS });
  expect(await migrateDatabase(again.ownerUrl)).toEqual([]);
});
