// `pnpm db:backup [archive.zip] [--include-notes-key]`: one zip with a consistent database backup
// (safe while the app runs), the evidence and export files, and, only when asked, the interview-notes
// key. Uses DATABASE_OWNER_URL when set, else the embedded server of VIGIL_DATA_DIR (README, "Backups").
import { parseArgs } from "node:util";
import { createBackup, currentNotesKeyEntry, withOwnerDatabase } from "../src/backup/index.ts";
import { fail, fromInvocation, target } from "./backup-cli.ts";

try {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { "include-notes-key": { type: "boolean", default: false } } });
  const file = fromInvocation(positionals[0] ?? `vigil-backup-${new Date().toISOString().replaceAll(":", "-").slice(0, 19)}.zip`);
  const notesKeyEntry = values["include-notes-key"] ? await currentNotesKeyEntry(target.dataDir) : undefined;
  await withOwnerDatabase(target, { create: false }, (ownerUrl) => createBackup({ ownerUrl, dataDir: target.dataDir, file, notesKeyEntry, log: target.log }));
  console.log(`Backup written to ${file}.`);
  if (!notesKeyEntry) console.log("It holds no interview-notes key: keep that key (and its backups) separately, or pass --include-notes-key.");
} catch (error) {
  fail(error);
}
