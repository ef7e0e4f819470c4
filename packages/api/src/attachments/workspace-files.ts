/**
 * Where a workspace's files are kept in object storage (storage/): made of ids only, so a key never
 * carries a file's name (docs/decisions/0220). In the local driver they are the folders they always
 * were: `<data dir>/attachments/<tenant id>/<attachment id>` and `<data dir>/exports/<tenant id>/<export id>.zip`.
 */
export function attachmentObjectKey(storageKey: string): string {
  return `attachments/${storageKey}`;
}

export function attachmentsPrefix(tenantId: string): string {
  return `attachments/${tenantId}/`;
}

export function exportObjectKey(tenantId: string, exportId: string): string {
  return `exports/${tenantId}/${exportId}.zip`;
}

export function exportsPrefix(tenantId: string): string {
  return `exports/${tenantId}/`;
}
