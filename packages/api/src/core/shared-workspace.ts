import { withWorkspace, type TenantTx, type WorkspaceEntry } from "@vigil/db";
import type { Context } from "./context.ts";

/**
 * One workspace transaction lent to the queries of one page loader (issue 15, decision 0178): the
 * loader's procedures (a visit, its preparation, its recommendations, ...) read in it instead of
 * opening a transaction each. Entered as every tenant procedure enters (enter_workspace: the caller's
 * membership, row-level security bound to that tenant); each procedure still applies its own gates
 * (role, deletion, two-factor) to the entry. Mutations never use it, nor a procedure of another
 * workspace: they open their own transaction as before.
 * A loader may start its procedures together (Promise.all): their statements take turns on the
 * transaction's one connection (@vigil/db's SerialClient, decision 0181).
 */
export type SharedWorkspace = { slug: string; userId: string; tx: TenantTx; entry: WorkspaceEntry | null };

/**
 * The shared transaction's time limit (decision 0181). Prisma's default (5 s) is meant for one
 * procedure; here all of a page's procedures read inside it, so a slow but healthy page under load
 * must not be cut off halfway (its rollback would fail the whole page).
 */
const SHARED_READ_TIMEOUT_MS = 20_000;

/**
 * Runs `work` with a context whose workspace queries for `slug` share one read transaction, committed
 * when `work` settles (rolled back if it throws). Signed out, `work` gets the context unchanged, so
 * its procedures refuse as they always do.
 */
export function readInWorkspace<T>(ctx: Context, slug: string, work: (ctx: Context) => Promise<T>): Promise<T> {
  const user = ctx.user;
  if (!user) return work(ctx);
  return withWorkspace(
    user.id,
    slug,
    (tx, entry) => work({ ...ctx, sharedWorkspace: { slug, userId: user.id, tx, entry } }),
    { timeoutMs: SHARED_READ_TIMEOUT_MS },
  );
}
