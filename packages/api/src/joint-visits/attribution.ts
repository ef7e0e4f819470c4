import type { TenantTx } from "@vigil/db";

/** The workspace a partner's member wrote from; null for the host's own work (docs/decisions/0105-joint-attribution.md). */
export type AuthorWorkspace = { id: string; name: string } | null;

/**
 * Replaces each row's `authorTenantId` (filled by the database when a partner writes on a joint
 * visit) with the workspace's id and name. The names come from visit_workspace_names(), which
 * answers only the host of the visit or a nominated member inside it; ordinary visits, where no
 * row has an author workspace, cost no query. A caller attributing several lists of one visit
 * passes `names` from authorWorkspaceNames, so the function runs once rather than once per list.
 */
export async function withAuthorWorkspaces<T extends { authorTenantId: string | null }>(
  tx: TenantTx,
  visitId: string,
  rows: T[],
  names?: Map<string, string>,
): Promise<(Omit<T, "authorTenantId"> & { authorWorkspace: AuthorWorkspace })[]> {
  const known = names ?? (await authorWorkspaceNames(tx, visitId, rows));
  return rows.map(({ authorTenantId, ...row }) => ({
    ...row,
    authorWorkspace: authorTenantId ? { id: authorTenantId, name: known.get(authorTenantId) ?? "" } : null,
  }));
}

/** The visit's workspace names by id, queried only if some row has an author workspace. */
export async function authorWorkspaceNames(tx: TenantTx, visitId: string, rows: { authorTenantId: string | null }[]): Promise<Map<string, string>> {
  return rows.some((row) => row.authorTenantId) ? workspaceNames(tx, visitId) : new Map<string, string>();
}

async function workspaceNames(tx: TenantTx, visitId: string): Promise<Map<string, string>> {
  const rows = await tx.$queryRaw<{ id: string; name: string }[]>`SELECT id, name FROM visit_workspace_names(${visitId}::uuid)`;
  return new Map(rows.map((row) => [row.id, row.name]));
}
