import { createHash } from "node:crypto";
import path from "node:path";

/**
 * Where the embedded cluster for a data folder lives: always inside it, so that the folder alone
 * holds everything (cluster, its credentials, the role passwords, the interview notes key) and a
 * copy of the stopped folder is a complete copy (decision 0143).
 */
export function embeddedClusterDir(dataDir: string): string {
  return path.join(dataDir, "postgres");
}

/**
 * Where earlier versions kept the cluster when running as root (outside the data folder, keyed by
 * its path). Read only to move such a cluster into its folder once.
 */
export function legacyRootClusterDir(dataDir: string): string {
  const key = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12);
  return path.join("/var/lib/vigil", key, "postgres");
}
