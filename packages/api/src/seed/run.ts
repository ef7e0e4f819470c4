// `pnpm db:seed`: loads the demo data into the database named by DATABASE_URL.
import { disconnectAppDb } from "@vigil/db";
import { loadDataFolderNotesKey } from "../interviews/notes-key-file.ts";
import { seedDemoData } from "./demo.ts";

// Demo interviews have encrypted notes: use the same key the server will (its data folder's) unless one is configured.
if (!process.env.INTERVIEW_NOTES_KEYS && process.env.VIGIL_DATA_DIR) await loadDataFolderNotesKey(process.env.VIGIL_DATA_DIR);
await seedDemoData({ log: console.log });
await disconnectAppDb();
