import type { TenantTx } from "@vigil/db";

/**
 * Who wrote a row of a visit, on a joint visit (docs/decisions/0105-joint-attribution.md). The other
 * domains (checklist, findings, evidence, reports) select `authorTenantId`, which the database fills
 * when a partner writes on a host's visit, and hand their rows here to show the workspace's name.
 */

/** The workspace a partner's member wrote from; null for the host's own work. */
export type AuthorWorkspace = { id: string; name: string } | null;

type Authored = { authorTenantId: string | null };
type Attributed<T extends Authored> = Omit<T, "authorTenantId"> & { authorWorkspace: AuthorWorkspace };

/**
 * Replaces each row's `authorTenantId` with the workspace's id and name. The names come from
 * visit_workspace_names(), which answers only the host of the visit or a nominated member inside
 * it; ordinary visits, where no row has an author workspace, cost no query.
 */
export async function withAuthorWorkspaces<T extends Authored>(tx: TenantTx, visitId: string, rows: T[]): Promise<Attributed<T>[]> {
  return attribute(rows, await authorWorkspaceNames(tx, visitId, rows));
}

/** One row's author workspace (a saved answer). */
export async function withAuthorWorkspace<T extends Authored>(tx: TenantTx, visitId: string, row: T): Promise<Attributed<T>> {
  const [attributed] = await withAuthorWorkspaces(tx, visitId, [row]);
  return attributed!;
}

/** Two lists of one visit (findings and their evidence): visit_workspace_names() runs once, not once per list. */
export async function withAuthorWorkspacesOfBoth<A extends Authored, B extends Authored>(
  tx: TenantTx, visitId: string, first: A[], second: B[],
): Promise<[Attributed<A>[], Attributed<B>[]]> {
  const names = await authorWorkspaceNames(tx, visitId, [...first, ...second]);
  return [attribute(first, names), attribute(second, names)];
}

function attribute<T extends Authored>(rows: T[], names: Map<string, string>): Attributed<T>[] {
  return rows.map(({ authorTenantId, ...row }) => ({
    ...row,
    authorWorkspace: authorTenantId ? { id: authorTenantId, name: names.get(authorTenantId) ?? "" } : null,
  }));
}

/** The visit's workspace names by id, queried only if some row has an author workspace. */
async function authorWorkspaceNames(tx: TenantTx, visitId: string, rows: Authored[]): Promise<Map<string, string>> {
  if (!rows.some((row) => row.authorTenantId)) return new Map<string, string>();
  const names = await tx.$queryRaw<{ id: string; name: string }[]>`SELECT id, name FROM visit_workspace_names(${visitId}::uuid)`;
  return new Map(names.map((row) => [row.id, row.name]));
}
