import path from "node:path";

/** Where a workspace's files live on disk: `<data dir>/attachments/<tenant id>/` (uploads) and exports. */
function dataDir(): string {
  return process.env.VIGIL_DATA_DIR ?? ".vigil";
}

export function attachmentsDir(tenantId: string): string {
  return path.join(dataDir(), "attachments", tenantId);
}

export function exportsDir(tenantId: string): string {
  return path.join(dataDir(), "exports", tenantId);
}

export function exportFilePath(tenantId: string, exportId: string): string {
  return path.join(exportsDir(tenantId), `${exportId}.zip`);
}
