import { createWriteStream, existsSync } from "node:fs";
import { readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import yazl from "yazl";
import { appliedMigrations, quoteTable, tablesInLoadOrder } from "./catalog.ts";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, FILE_FOLDERS, fileFolderDir, MANIFEST_ENTRY, type BackupManifest } from "./manifest.ts";

export type BackupOptions = {
  /** The table owner's URL (BYPASSRLS: row-level security must not hide rows from a backup). */
  ownerUrl: string;
  /** The data folder whose attachments/ and exports/ go into the archive. */
  dataDir: string;
  /** The archive to write (a zip file). */
  file: string;
  /** The interview-notes key ring to include; only when the operator asked for it. */
  notesKeyEntry?: string;
  log?: (message: string) => void;
  /** Called once the database snapshot is taken: writes after this are not in the backup. Tests use it. */
  onSnapshot?: () => Promise<void> | void;
};

/**
 * Writes one zip archive: every app table's rows as of ONE snapshot (a REPEATABLE READ READ ONLY
 * transaction, so the app may keep writing meanwhile), the sequence values, the migration version,
 * the data folder's files, and optionally the notes key. Streamed: neither a table nor a file is
 * held in memory. Works against any PostgreSQL the owner can reach (decision 0144).
 */
export async function createBackup(options: BackupOptions): Promise<BackupManifest> {
  const log = options.log ?? (() => {});
  const partial = `${options.file}.partial`;
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, createWriteStream(partial, { mode: 0o600 }));
  written.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"

  const client = new pg.Client({ connectionString: options.ownerUrl });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // The snapshot is taken by the transaction's first query that reads (a SELECT, not BEGIN or SHOW).
    const serverVersion = (await client.query<{ version: string }>("SELECT current_setting('server_version') AS version")).rows[0]!.version;
    const migrations = await appliedMigrations(client);
    await options.onSnapshot?.();
    if (migrations.length === 0) throw new Error("This database has no migrations applied: there is nothing of Vigil's to back up.");

    const tables: BackupManifest["tables"] = [];
    for (const table of await tablesInLoadOrder(client)) {
      const entry = `database/${table.name}.copy`;
      const columns = table.columns.map((column) => client.escapeIdentifier(column)).join(", ");
      const stream = client.query(copyTo(`COPY (SELECT ${columns} FROM ${quoteTable(table.name, (id) => client.escapeIdentifier(id))}) TO STDOUT`));
      zip.addReadStream(stream, entry);
      await finished(stream);
      tables.push({ name: table.name, columns: table.columns, rows: stream.rowCount, entry });
    }
    // Sequences are not transactional: read after the tables, their values are at least those the
    // snapshot's rows used, so restored rows never collide with new ones.
    const sequences = (
      await client.query<{ name: string; lastValue: string | null }>(
        `SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
      )
    ).rows;
    await client.query("COMMIT");
    log(`Database: ${tables.length} tables, ${tables.reduce((sum, table) => sum + table.rows, 0)} rows (schema ${migrations.at(-1)}).`);

    const files: string[] = [];
    for (const folder of FILE_FOLDERS) {
      const root = fileFolderDir(options.dataDir, folder);
      for (const relative of await filesUnder(root)) {
        const name = `${folder}/${relative.split(path.sep).join("/")}`;
        zip.addFile(path.join(root, relative), `files/${name}`);
        files.push(name);
      }
    }
    log(`Files: ${files.length} from ${FILE_FOLDERS.join("/, ")}/.`);

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      serverVersion,
      migrations,
      tables,
      sequences,
      files,
      notesKeyEntry: options.notesKeyEntry ?? null,
    };
    if (manifest.notesKeyEntry) log("The interview-notes key is in this archive: keep it as secret as the key itself.");
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), MANIFEST_ENTRY);
    zip.end();
    await written;
    await rename(partial, options.file);
    return manifest;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    (zip.outputStream as unknown as Readable).destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/** The notes key ring a backup would include: INTERVIEW_NOTES_KEYS when configured, else the data folder's file. */
export async function currentNotesKeyEntry(dataDir: string): Promise<string> {
  if (process.env.INTERVIEW_NOTES_KEYS) return process.env.INTERVIEW_NOTES_KEYS.trim();
  const file = path.join(dataDir, "interview-notes.keys");
  if (!existsSync(file)) throw new Error(`--include-notes-key: there is no INTERVIEW_NOTES_KEYS and no ${file}.`);
  return (await readFile(file, "utf8")).trim();
}

async function filesUnder(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}
