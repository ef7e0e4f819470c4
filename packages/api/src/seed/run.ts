// `pnpm db:seed`: loads the demo data into the database named by DATABASE_URL.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { disconnectAppDb } from "@vigil/db";
import { disconnectPrivilegedDb } from "@vigil/db/privileged";
import { loadDataFolderNotesKey } from "../interviews/notes-key-file.ts";
import { seedDemoData } from "./demo.ts";

// The same data folder as the server (apps/web/server/main.ts): demo evidence files go there, and
// without a configured key the demo interviews' notes are encrypted with the key kept there.
process.env.VIGIL_DATA_DIR ??= path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../.."), ".vigil");
if (!process.env.INTERVIEW_NOTES_KEYS) await loadDataFolderNotesKey(process.env.VIGIL_DATA_DIR);
await seedDemoData({ log: console.log });
await disconnectAppDb();
// The demo workspaces are verified through the owner role (DATABASE_OWNER_URL).
await disconnectPrivilegedDb();
