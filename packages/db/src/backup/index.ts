export { createBackup, currentNotesKeyEntry, type BackupOptions } from "./backup.ts";
export { BACKUP_FORMAT_VERSION, type BackupManifest } from "./manifest.ts";
export { restoreBackup, type RestoreOptions } from "./restore.ts";
export { withOwnerDatabase, type DatabaseTarget } from "./target-database.ts";
