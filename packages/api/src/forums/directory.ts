import type { TenantTx } from "@vigil/db";

/** `verified`: a platform operator checked this is its country's NPM (decision 0155). */
export type DirectoryEntry = { id: string; slug: string; name: string; countryCode: string; verified: boolean };

/**
 * Every workspace's name and slug, through the database's SECURITY DEFINER directory: forums invite
 * from it and the library names publishers with it. Nothing else about another workspace is readable.
 * Verified workspaces come first, so a look-alike sign-up never sits above the real institution.
 */
export async function forumDirectory(tx: TenantTx): Promise<DirectoryEntry[]> {
  const rows = await tx.$queryRaw<{ id: string; slug: string; name: string; country_code: string; verified_at: Date | null }[]>`
    SELECT id, slug, name, country_code, verified_at FROM forum_workspace_directory()`;
  return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, countryCode: row.country_code, verified: row.verified_at !== null }));
}

export async function workspaceNames(tx: TenantTx): Promise<Map<string, DirectoryEntry>> {
  return new Map((await forumDirectory(tx)).map((entry) => [entry.id, entry]));
}
