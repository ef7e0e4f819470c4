import type { TenantTx } from "@vigil/db";

export type DirectoryEntry = { id: string; slug: string; name: string; countryCode: string };

/**
 * Every workspace's name and slug, through the database's SECURITY DEFINER directory: forums invite
 * from it and the library names publishers with it. Nothing else about another workspace is readable.
 */
export async function forumDirectory(tx: TenantTx): Promise<DirectoryEntry[]> {
  const rows = await tx.$queryRaw<{ id: string; slug: string; name: string; country_code: string }[]>`SELECT id, slug, name, country_code FROM forum_workspace_directory()`;
  return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, countryCode: row.country_code }));
}

export async function workspaceNames(tx: TenantTx): Promise<Map<string, DirectoryEntry>> {
  return new Map((await forumDirectory(tx)).map((entry) => [entry.id, entry]));
}
