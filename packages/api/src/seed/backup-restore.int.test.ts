// `pnpm db:backup` / `pnpm db:restore` end to end (decision 0144): back up a database holding the demo
// data and a few more workspaces with visits and interviews while writes keep landing, restore into a
// fresh data folder with its own embedded PostgreSQL, and prove the restore equals the backup's
// snapshot, table by table, and that the notes decrypt.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createBackup, restoreBackup, withOwnerDatabase } from "@vigil/db/backup";
import { createTestDatabase, freePort, type TestDatabase } from "@vigil/db/testing";
import pg from "pg";
import yazl from "yazl";
import { afterAll, beforeAll, expect, it } from "vitest";
import { decryptNotes, notesAad, parseNotesKeyRing } from "../interviews/notes-crypto.ts";
import { seedDemoData } from "./demo.ts";
import { callerFor, createTestUser, createTestWorkspace } from "../testing/index.ts";
import { createTestVisit } from "../testing/visits.ts";

type TableDigest = Record<string, { rows: number; md5: string | null }>;

let source: TestDatabase;
let sourceDir: string;
const folders: string[] = [];
const configured = { url: process.env.DATABASE_URL, ownerUrl: process.env.DATABASE_OWNER_URL, dataDir: process.env.VIGIL_DATA_DIR };

beforeAll(async () => {
  // A database of its own: nothing but this test writes to it, so its snapshot can be compared.
  source = await createTestDatabase();
  sourceDir = await mkdtemp(path.join(os.tmpdir(), "vigil-backup-source-"));
  folders.push(sourceDir);
  process.env.DATABASE_URL = source.appUrl;
  process.env.DATABASE_OWNER_URL = source.ownerUrl;
  process.env.VIGIL_DATA_DIR = sourceDir;
  // What an operator backs up on a first start: the demo workspaces (reports, joint visits, forums, interviews).
  await seedDemoData();
  for (const name of ["Ombudsperson Novi Sad", "Kharkiv monitors"]) {
    const owner = await createTestUser(name);
    const workspace = await createTestWorkspace(owner);
    const visitId = (await createTestVisit(workspace.id)).id;
    const { caller } = await callerFor(owner);
    for (const pseudonym of ["D-01", "D-02", "S-01"]) {
      await caller.interviews.create({ tenantSlug: workspace.slug, visitId, pseudonym, category: "detainee", consentGiven: true, notes: `Notes of ${pseudonym} in ${name}` });
    }
  }
  // Files of both kinds for the archive to carry.
  await writeFile(path.join(await mkdirp(sourceDir, "attachments/tenant-a"), "photo.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]));
  await writeFile(path.join(await mkdirp(sourceDir, "exports/tenant-a"), "report.csv"), "id,name\n1,Ćelija\n");
}, 180_000);

afterAll(async () => {
  Object.assign(process.env, { DATABASE_URL: configured.url, DATABASE_OWNER_URL: configured.ownerUrl });
  if (configured.dataDir === undefined) delete process.env.VIGIL_DATA_DIR;
  else process.env.VIGIL_DATA_DIR = configured.dataDir;
  const { disconnectAppDb } = await import("@vigil/db");
  await disconnectAppDb();
  await source?.dispose();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function mkdirp(root: string, relative: string): Promise<string> {
  const { mkdir } = await import("node:fs/promises");
  const dir = path.join(root, relative);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Row count and an order-independent hash of every app table, read as the owner (no RLS). */
async function digest(ownerUrl: string): Promise<TableDigest> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY 1",
    );
    const result: TableDigest = {};
    for (const { name } of tables.rows) {
      const table = client.escapeIdentifier(name);
      const row = await client.query<{ rows: number; md5: string | null }>(
        `SELECT count(*)::int AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM public.${table} t`,
      );
      result[name] = row.rows[0]!;
    }
    return result;
  } finally {
    await client.end();
  }
}

/** Writes the app keeps making while the backup runs: an insert, an update and a delete per round. */
function keepWriting(ownerUrl: string): { stop: () => Promise<number> } {
  let running = true;
  let rounds = 0;
  const done = (async () => {
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      while (running) {
        await client.query("BEGIN");
        await client.query(`UPDATE users SET name = 'Written during the backup' WHERE id = (SELECT id FROM users ORDER BY email LIMIT 1)`);
        await client.query(
          `INSERT INTO users (id, email, name, preferred_locale, password_hash)
           VALUES (gen_random_uuid(), 'written-during-backup-' || gen_random_uuid() || '@example.org', 'Late', 'en', 'x')`,
        );
        await client.query("COMMIT");
        rounds += 1;
      }
    } finally {
      await client.end();
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return rounds;
    },
  };
}

it("restores a backup taken under writes into a fresh folder: same rows, same content, files, and readable notes", async () => {
  const archive = path.join(sourceDir, "..", `vigil-backup-test-${process.pid}.zip`);
  folders.push(archive);
  let atSnapshot: TableDigest | undefined;
  let writer: ReturnType<typeof keepWriting> | undefined;

  const manifest = await createBackup({
    ownerUrl: source.ownerUrl,
    dataDir: sourceDir,
    file: archive,
    notesKeyEntry: process.env.INTERVIEW_NOTES_KEYS,
    onSnapshot: async () => {
      // Nothing else writes to this database: its content now is the snapshot's.
      atSnapshot = await digest(source.ownerUrl);
      writer = keepWriting(source.ownerUrl);
      // Committed before the first table is copied: a backup without one snapshot would include it.
      const late = new pg.Client({ connectionString: source.ownerUrl });
      await late.connect();
      await late.query("DELETE FROM sessions");
      await late.query("UPDATE users SET name = 'Renamed after the snapshot'");
      await late.end();
    },
  });
  const rounds = await writer!.stop();
  expect(rounds).toBeGreaterThan(0);
  expect(await digest(source.ownerUrl)).not.toEqual(atSnapshot); // the writes did land in the source

  expect(manifest.tables.find((table) => table.name === "interviews")!.rows).toBeGreaterThan(0);
  expect(manifest.files.sort()).toEqual(expect.arrayContaining(["attachments/tenant-a/photo.jpg", "exports/tenant-a/report.csv"]));

  // A fresh folder: the restore initialises its embedded cluster (DATABASE_OWNER_URL unset for that).
  const restoredDir = await mkdtemp(path.join(os.tmpdir(), "vigil-backup-restored-"));
  folders.push(restoredDir);
  delete process.env.DATABASE_OWNER_URL;
  delete process.env.DATABASE_URL;
  try {
    const target = { dataDir: restoredDir, port: await freePort(), log: () => {} };
    await withOwnerDatabase(target, { create: true }, async (ownerUrl) => {
      await restoreBackup({ file: archive, ownerUrl, dataDir: restoredDir });
      expect(await digest(ownerUrl)).toEqual(atSnapshot);

      // Connect as the app (row-level security on) and read an interview's notes with the restored key.
      const passwords = JSON.parse(await readFile(path.join(restoredDir, "role-passwords.json"), "utf8")) as { appPassword: string };
      const appUrl = new URL(ownerUrl);
      appUrl.username = "vigil_app";
      appUrl.password = passwords.appPassword;
      const app = new pg.Client({ connectionString: appUrl.toString() });
      await app.connect();
      const owner = new pg.Client({ connectionString: ownerUrl });
      await owner.connect();
      // The workspace's owner may read its interviews (need to know: owners, admins, the visit's team).
      const { tenant_id: tenantId, user_id: userId } = (
        await owner.query<{ tenant_id: string; user_id: string }>("SELECT tenant_id, user_id FROM memberships WHERE role = 'owner' LIMIT 1")
      ).rows[0]!;
      await owner.end();
      await app.query("BEGIN");
      await app.query("SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)", [tenantId, userId]);
      const interview = (
        await app.query<{ id: string; notes_ciphertext: Buffer; notes_key_id: string }>(
          "SELECT id, notes_ciphertext, notes_key_id FROM interviews WHERE notes_ciphertext IS NOT NULL LIMIT 1",
        )
      ).rows[0]!;
      await app.query("COMMIT");
      await app.end();
      const ring = parseNotesKeyRing((await readFile(path.join(restoredDir, "interview-notes.keys"), "utf8")).trim());
      expect(decryptNotes(interview.notes_ciphertext, interview.notes_key_id, notesAad(tenantId, interview.id), ring).length).toBeGreaterThan(0);

      // A second restore into the now non-empty database is refused, and changes nothing.
      await expect(restoreBackup({ file: archive, ownerUrl, dataDir: restoredDir })).rejects.toThrow(/already holds data/);
      expect(await digest(ownerUrl)).toEqual(atSnapshot);
    });
  } finally {
    process.env.DATABASE_OWNER_URL = source.ownerUrl;
    process.env.DATABASE_URL = source.appUrl;
  }

  expect(await readFile(path.join(restoredDir, "attachments/tenant-a/photo.jpg"))).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]));
  expect(await readFile(path.join(restoredDir, "exports/tenant-a/report.csv"), "utf8")).toBe("id,name\n1,Ćelija\n");
  expect(existsSync(path.join(restoredDir, "postgres", "PG_VERSION"))).toBe(true);
  expect((await readdir(restoredDir)).sort()).toEqual(expect.arrayContaining(["postgres-credentials.json", "role-passwords.json", "interview-notes.keys"]));
}, 180_000);

it("refuses an archive from a newer Vigil (a migration it does not have) and one that is not a backup", async () => {
  const write = async (name: string, manifest: object) => {
    const file = path.join(sourceDir, name);
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(JSON.stringify(manifest)), "manifest.json");
    zip.end();
    const { createWriteStream } = await import("node:fs");
    const { pipeline } = await import("node:stream/promises");
    await pipeline(zip.outputStream, createWriteStream(file));
    return file;
  };
  const newer = await write("newer.zip", {
    format: "vigil-backup",
    formatVersion: 1,
    migrations: ["29990101000000_from_the_future"],
    tables: [],
    sequences: [],
    files: [],
    notesKeyEntry: null,
  });
  await expect(restoreBackup({ file: newer, ownerUrl: source.ownerUrl, dataDir: sourceDir })).rejects.toThrow(
    /migration 29990101000000_from_the_future, which this Vigil does not have/,
  );
  const other = await write("other.zip", { format: "something-else" });
  await expect(restoreBackup({ file: other, ownerUrl: source.ownerUrl, dataDir: sourceDir })).rejects.toThrow(/not a Vigil backup/);
});
