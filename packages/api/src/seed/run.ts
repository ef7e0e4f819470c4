// `pnpm db:seed`: loads the demo data into the database named by DATABASE_URL.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { disconnectAppDb } from "@vigil/db";
import { loadDataFolderNotesKey } from "../interviews/notes-key-file.ts";
import { seedDemoData } from "./demo.ts";

// Demo interviews have encrypted notes: without a configured key, use the one the server uses
// (in its data folder, by default the repository's .vigil/, as apps/web/server/main.ts decides).
if (!process.env.INTERVIEW_NOTES_KEYS) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
  await loadDataFolderNotesKey(process.env.VIGIL_DATA_DIR ?? path.join(repoRoot, ".vigil"));
}
await seedDemoData({ log: console.log });
await disconnectAppDb();
