import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { migrateDatabase } from "../server/migrate.ts";
import { migrationNamesOnDisk } from "../server/migration-files.ts";
import { appliedMigrations, quoteTable, tablesInLoadOrder } from "./catalog.ts";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, FILE_FOLDERS, fileFolderDir, MANIFEST_ENTRY, type BackupManifest } from "./manifest.ts";
import { openZip, readAll, type ZipReader } from "./zip-reader.ts";

export type RestoreOptions = {
  /** The archive written by createBackup. */
  file: string;
  /** The table owner's URL on the database to restore into (roles bootstrapped, at most migrated). */
  ownerUrl: string;
  /** Where attachments/, exports/ and the notes key go. */
  dataDir: string;
  /** Replace a database that holds data, and files already in the data folder. */
  force?: boolean;
  log?: (message: string) => void;
};

/**
 * Restores an archive: checks it first (format, schema version, an empty target unless --force),
 * migrates the target to the backup's schema version, loads every table in one transaction as the
 * owner (foreign-key order, user triggers off, every constraint checked), sets the sequences, then
 * applies the migrations the backup predates, and writes the files (decision 0144).
 */
export async function restoreBackup(options: RestoreOptions): Promise<BackupManifest> {
  const log = options.log ?? (() => {});
  const zip = await openZip(options.file);
  const client = new pg.Client({ connectionString: options.ownerUrl });
  try {
    const manifest = await readManifest(zip);
    await client.connect();
    await checkTarget(client, manifest, options);

    const applied = await appliedMigrations(client);
    const pending = manifest.migrations.length - applied.length;
    if (pending > 0) await migrateDatabase(options.ownerUrl, { count: pending, log });
    await loadTables(client, zip, manifest);
    log(`Database: ${manifest.tables.length} tables, ${manifest.tables.reduce((sum, table) => sum + table.rows, 0)} rows restored.`);
    const newer = await migrateDatabase(options.ownerUrl, { log });
    if (newer.length > 0) log(`Applied ${newer.length} migration(s) newer than the backup.`);

    await restoreFiles(zip, manifest, options);
    log(`Files: ${manifest.files.length} restored into ${options.dataDir}.`);
    if (manifest.notesKeyEntry) {
      await writeFile(path.join(options.dataDir, "interview-notes.keys"), `${manifest.notesKeyEntry}\n`, { mode: 0o600 });
      log("The interview-notes key was restored into the data folder.");
    } else {
      log("The archive holds no interview-notes key: configure the key the notes were written with (INTERVIEW_NOTES_KEYS or interview-notes.keys).");
    }
    return manifest;
  } finally {
    await client.end().catch(() => undefined);
    zip.close();
  }
}

async function readManifest(zip: ZipReader): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse((await readAll(await zip.open(MANIFEST_ENTRY))).toString("utf8")) as BackupManifest;
  } catch (error) {
    throw new Error(`This is not a Vigil backup (no readable ${MANIFEST_ENTRY}): ${(error as Error).message}`, { cause: error });
  }
  if (manifest.format !== BACKUP_FORMAT) throw new Error("This is not a Vigil backup archive.");
  if (manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new Error(`This archive has backup format ${String(manifest.formatVersion)}; this Vigil reads format ${BACKUP_FORMAT_VERSION}. Restore it with the Vigil version that wrote it.`);
  }
  const onDisk = await migrationNamesOnDisk();
  const unknown = manifest.migrations.find((name, index) => onDisk[index] !== name);
  if (unknown) {
    throw new Error(
      `The backup's schema includes migration ${unknown}, which this Vigil does not have (or has in another order): it was made by a newer or different version. Restore it with that version.`,
    );
  }
  const outside = manifest.files.find((name) => !FILE_FOLDERS.some((folder) => name.startsWith(`${folder}/`)) || name.split("/").includes(".."));
  if (outside) throw new Error(`The archive names a file outside ${FILE_FOLDERS.join("/, ")}/: ${outside}. Refusing it.`);
  return manifest;
}

/** Everything that can refuse is checked before anything is written. */
async function checkTarget(client: pg.Client, manifest: BackupManifest, options: RestoreOptions): Promise<void> {
  const applied = await appliedMigrations(client);
  if (applied.some((name, index) => manifest.migrations[index] !== name)) {
    throw new Error(
      `The target database's schema (${applied.at(-1)}) is not an earlier step of the backup's (${manifest.migrations.at(-1)}): restore into a fresh database.`,
    );
  }
  if (!options.force) {
    for (const table of await tablesInLoadOrder(client)) {
      const rows = await client.query(`SELECT 1 FROM ${quoteTable(table.name, (id) => client.escapeIdentifier(id))} LIMIT 1`);
      if (rows.rowCount !== 0) {
        throw new Error(`The target database already holds data (table ${table.name} has rows): refusing to overwrite it. Restore into a fresh database, or pass --force to replace its contents.`);
      }
    }
    for (const folder of FILE_FOLDERS) {
      const dir = fileFolderDir(options.dataDir, folder);
      if (existsSync(dir) && (await readdir(dir)).length > 0) {
        throw new Error(`${dir} already holds files: refusing to mix them with the backup's. Restore into a fresh data folder, or pass --force to replace them.`);
      }
    }
    const keyFile = path.join(options.dataDir, "interview-notes.keys");
    if (manifest.notesKeyEntry && existsSync(keyFile) && (await readFile(keyFile, "utf8")).trim() !== manifest.notesKeyEntry) {
      throw new Error(`${keyFile} holds a different key than the backup: refusing to replace it (notes written with it would be lost). Pass --force to replace it.`);
    }
  }
}

async function loadTables(client: pg.Client, zip: ZipReader, manifest: BackupManifest): Promise<void> {
  const quote = (name: string) => quoteTable(name, (id) => client.escapeIdentifier(id));
  await client.query("BEGIN");
  try {
    const present = await tablesInLoadOrder(client);
    const missing = manifest.tables.filter((table) => !present.some((candidate) => candidate.name === table.name));
    if (missing.length > 0) throw new Error(`The migrated database lacks the backup's tables ${missing.map((table) => table.name).join(", ")}.`);
    // User triggers (audit, updated_at, guards) must not rewrite or refuse rows as they were;
    // foreign keys and checks stay on. The owner may do both, no superuser needed.
    for (const table of present) await client.query(`ALTER TABLE ${quote(table.name)} DISABLE TRIGGER USER`);
    // Rows a migration wrote (reference data) are in the backup too: start from empty tables.
    if (present.length > 0) await client.query(`TRUNCATE ${present.map((table) => quote(table.name)).join(", ")}`);
    for (const table of manifest.tables) {
      const columns = table.columns.map((column) => client.escapeIdentifier(column)).join(", ");
      const copy = client.query(copyFrom(`COPY ${quote(table.name)} (${columns}) FROM STDIN`));
      await pipeline(await zip.open(table.entry), copy);
      if (copy.rowCount !== table.rows) throw new Error(`Table ${table.name}: the archive says ${table.rows} rows, ${copy.rowCount} were loaded.`);
    }
    for (const table of present) await client.query(`ALTER TABLE ${quote(table.name)} ENABLE TRIGGER USER`);
    for (const sequence of manifest.sequences) {
      if (sequence.lastValue === null) continue;
      await client.query("SELECT setval($1::regclass, $2::bigint, true)", [quote(sequence.name), sequence.lastValue]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function restoreFiles(zip: ZipReader, manifest: BackupManifest, options: RestoreOptions): Promise<void> {
  if (options.force) for (const folder of FILE_FOLDERS) await rm(fileFolderDir(options.dataDir, folder), { recursive: true, force: true });
  for (const name of manifest.files) {
    const [folder, ...rest] = name.split("/");
    const known = FILE_FOLDERS.find((candidate) => candidate === folder);
    const root = known && fileFolderDir(options.dataDir, known);
    const target = root && path.resolve(root, ...rest);
    // Only into the file folders: an archive must not write anywhere else (e.g. "../../.bashrc").
    if (!root || !target || !target.startsWith(root + path.sep)) {
      throw new Error(`The archive names a file outside ${FILE_FOLDERS.join("/, ")}/: ${name}`);
    }
    await mkdir(path.dirname(target), { recursive: true });
    await pipeline(await zip.open(`files/${name}`), createWriteStream(target, { mode: 0o600 }));
  }
}
