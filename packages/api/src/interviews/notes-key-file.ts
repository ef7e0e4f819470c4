import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { generateNotesKeyEntry, parseNotesKeyRing } from "./notes-crypto.ts";

/**
 * For a start without configuration (the embedded demo): when INTERVIEW_NOTES_KEYS is unset, use the
 * key kept in the data folder, creating it on the first start. Losing this file loses the notes, so
 * it sits beside the database it protects and goes into the same backups; production deployments
 * set INTERVIEW_NOTES_KEYS from their secret store instead.
 */
export async function loadDataFolderNotesKey(dataDir: string): Promise<{ file: string; created: boolean }> {
  const file = path.join(dataDir, "interview-notes.keys");
  let created = false;
  let entries: string;
  try {
    entries = (await readFile(file, "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    entries = generateNotesKeyEntry();
    await mkdir(dataDir, { recursive: true });
    // "wx": never overwrite a key another process created meanwhile; 0600: readable by the server only.
    await writeFile(file, `${entries}\n`, { mode: 0o600, flag: "wx" });
    created = true;
  }
  parseNotesKeyRing(entries);
  process.env.INTERVIEW_NOTES_KEYS = entries;
  return { file, created };
}

/** For the server's start-up check of its settings (apps/web/server/settings.ts). */
export { parseNotesKeyRing } from "./notes-crypto.ts";
