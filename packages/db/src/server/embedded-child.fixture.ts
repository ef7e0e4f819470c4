// Test fixture: starts the embedded PostgreSQL for argv[2] (data folder) on argv[3] (port), prints
// "ready" and waits, so that a test can `kill -9` this process and leave the postmaster orphaned.
import { startEmbeddedPostgres } from "./embedded-postgres.ts";

const [dataDir, port] = process.argv.slice(2);
await startEmbeddedPostgres({ dataDir: dataDir!, port: Number(port), quiet: true });
process.stdout.write("ready\n");
setInterval(() => {}, 60_000);
