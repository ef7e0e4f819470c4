import path from "node:path";
import { fileURLToPath } from "node:url";
import { withOwnerDatabase } from "@vigil/db/backup";
import { disconnectPrivilegedDb } from "@vigil/db/privileged";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/**
 * Runs an operator's command (`pnpm platform:verify`, `pnpm platform:operator`) with the server's
 * settings: DATABASE_OWNER_URL, or the embedded PostgreSQL of VIGIL_DATA_DIR (the running one, or
 * one started for the command), as `pnpm db:backup` does. A failure is printed as a sentence (an
 * unknown slug, no database to reach), never a stack, and the process exits with 1: exit() rather
 * than exitCode, as a library's own exit handler would otherwise report success.
 */
export async function runWithOwnerDatabase(work: () => Promise<void>): Promise<void> {
  const embedded = {
    dataDir: path.resolve(process.env.VIGIL_DATA_DIR ?? path.join(repoRoot, ".vigil")),
    port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
    log: (message: string) => console.log(message),
  };
  try {
    await withOwnerDatabase(embedded, { create: false }, async (ownerUrl) => {
      process.env.DATABASE_OWNER_URL = ownerUrl;
      try {
        await work();
      } finally {
        await disconnectPrivilegedDb();
      }
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : `Failed: ${String(error)}`);
    process.exit(1);
  }
}
