import { storageHealth } from "@vigil/api/storage";
import { appDb } from "@vigil/db";
import { migrationNamesOnDisk } from "@vigil/db/migration-files";
import { Router } from "express";

export const healthRouter = Router();

let stopping = false;
/** From SIGTERM on, /readyz says 503 so a load balancer sends no new work while in-flight requests finish. */
export function markStopping(): void {
  stopping = true;
}

/** The process is up. */
healthRouter.get("/healthz", (_req, res) => {
  res.json({ status: "ok" });
});

/** The database answers, every migration on disk is applied and the file store answers: ready for traffic. */
healthRouter.get("/readyz", async (_req, res) => {
  if (stopping) {
    res.status(503).json({ status: "stopping" });
    return;
  }
  try {
    const [expected, applied] = await Promise.all([
      migrationNamesOnDisk(),
      appDb().$queryRaw<{ name: string }[]>`SELECT name FROM schema_migrations`,
    ]);
    const appliedNames = new Set(applied.map((row) => row.name));
    const pending = expected.filter((name) => !appliedNames.has(name));
    if (pending.length > 0) {
      res.status(503).json({ status: "migrations pending", pending });
      return;
    }
    // Evidence and exports live in the store (local folder or S3 bucket): without it uploads and downloads fail.
    const storage = await storageHealth();
    if (!storage.ok) {
      res.status(503).json({ status: "storage unavailable", storage });
      return;
    }
    res.json({ status: "ready", storage });
  } catch {
    res.status(503).json({ status: "database unreachable" });
  }
});
