import path from "node:path";

/** What a Vigil backup archive holds; `manifest.json` in the archive, written last (decision 0144). */
export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  /** `SHOW server_version` of the database that was backed up. */
  serverVersion: string;
  /** Every migration applied to that database, in order: the schema the table data belongs to. */
  migrations: string[];
  /** In foreign-key order: a table comes after the tables it references. */
  tables: { name: string; columns: string[]; rows: number; entry: string }[];
  /** Sequence values (identity and serial columns); null when never used. */
  sequences: { name: string; lastValue: string | null }[];
  /** Data-folder files (evidence attachments, exports) under `files/`, by their path in the folder. */
  files: string[];
  /** Present only when the operator asked for it (--include-notes-key). */
  notesKeyEntry: string | null;
};

export const BACKUP_FORMAT = "vigil-backup";
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = "manifest.json";
/** The data-folder subfolders that hold user files. */
export const FILE_FOLDERS = ["attachments", "exports"] as const;
/** Tables whose rows a backup leaves out: the restore's migrations write them. */
export const SKIPPED_TABLES = ["schema_migrations"];

/** Where a file folder is: attachments may be elsewhere (ATTACHMENTS_DIR), the rest is in the data folder. */
export function fileFolderDir(dataDir: string, folder: (typeof FILE_FOLDERS)[number]): string {
  if (folder === "attachments" && process.env.ATTACHMENTS_DIR) return path.resolve(process.env.ATTACHMENTS_DIR);
  return path.resolve(dataDir, folder);
}
