// What the entry (main.ts) runs before it serves pages, taken from the same module graph as the app
// (app.ts re-exports this), so the background jobs and the pages share one Prisma client and one
// connection pool per role instead of loading a second copy of the API (docs/decisions/0180).
export { encryptRawTotpSecrets } from "@vigil/api";
export { loadDataFolderNotesKey } from "@vigil/api/interview-notes-key";
export { jobsRunInWeb, prepareJobSchema, startJobs } from "@vigil/api/jobs";
// It logs with the API's logger: from here, so that main.ts itself bundles no part of the API.
export { guardProcess } from "./process-faults.ts";

/** The demo data, only on the embedded database's first start: a chunk of its own, loaded then. */
export const loadSeed = () => import("@vigil/api/seed");
