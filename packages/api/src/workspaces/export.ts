import type { Readable } from "node:stream";
import { withTenant, type TenantTx } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import type { Locale } from "@vigil/i18n";
import yazl from "yazl";
import { fail } from "../core/errors.ts";
import type { Logger } from "../core/logger.ts";
import { reservePerSubject } from "../core/attempt-limits.ts";
import type { Actor } from "../core/actor.ts";
import { recordAudit } from "../core/audit.ts";
import { attachmentsPrefix, exportObjectKey } from "../attachments/workspace-files.ts";
import { objectStorage } from "../storage/settings.ts";

/** The version of the format described in docs/workspace-export-format.md. */
const EXPORT_FORMAT_VERSION = 1;
export const EXPORT_LIMIT = { limit: 3, windowMs: 60 * 60 * 1000 };
/**
 * A finished export can be downloaded for 24 hours, then the hourly purge deletes its file and row
 * (decision 0032): a ZIP of every interview must not wait on disk for whoever later holds a session.
 */
export const EXPORT_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Every table that holds a tenant's rows, read from the catalog at export time, so a table added by
 * any later migration is exported without anyone remembering to list it here.
 */
async function tenantTables(tx: TenantTx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ table_name: string }[]>`
    SELECT c.table_name::text AS table_name
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
    ORDER BY 1`;
  return rows.map((row) => row.table_name).filter((name) => /^[a-z_][a-z0-9_]*$/.test(name));
}

async function tableRows(tenantId: string, table: string): Promise<unknown[]> {
  return withTenant(tenantId, null, async (tx) => {
    // The name comes from the catalog (checked above); row-level security and the WHERE both hold the tenant.
    const rows = await tx.$queryRawUnsafe<{ rows: unknown[] }[]>(
      `SELECT COALESCE(json_agg(t), '[]'::json) AS rows FROM "${table}" t WHERE t.tenant_id = $1::uuid`,
      tenantId,
    );
    return rows[0]?.rows ?? [];
  });
}

/** Records an export request (owners only; 3 an hour per workspace); the caller queues its job in the same transaction. */
export async function requestExport(tx: TenantTx, actor: Actor & { sessionId: string }, locale: Locale) {
  await reservePerSubject("export:tenant", actor.tenantId, EXPORT_LIMIT, locale);
  const job = await tx.workspaceExport.create({
    data: { tenantId: actor.tenantId, requestedById: actor.userId, requestedSessionId: actor.sessionId },
    select: { id: true },
  });
  await recordAudit(tx, actor, { action: "workspace.exported", targetType: "workspace_export", targetId: job.id });
  return job;
}

async function setProgress(tenantId: string, exportId: string, data: { status?: string; progress?: number; byteSize?: bigint; finishedAt?: Date }) {
  await withTenant(tenantId, null, (tx) => tx.workspaceExport.update({ where: { tenantId_id: { tenantId, id: exportId } }, data }));
}

/**
 * Builds the ZIP: manifest.json, data/<table>.json for every tenant table, the workspace, its
 * members' names, attachments/. Run by the export job (jobs/workspace-export.ts), which pg-boss
 * delivers at least once, so it is idempotent: an export already finished (done or failed) or gone
 * (expired, or its workspace purged) is left as it is, and a rebuild writes a new file.
 * A failure marks the export failed when `finalAttempt`; otherwise it is rethrown for a retry.
 */
export async function buildExport(tenantId: string, exportId: string, log: Logger, { finalAttempt }: { finalAttempt: boolean }): Promise<"built" | "skipped"> {
  const current = await withTenant(tenantId, null, (tx) => tx.workspaceExport.findFirst({ where: { id: exportId }, select: { status: true } }));
  if (!current || current.status === "done" || current.status === "failed") return "skipped";
  try {
    await writeExport(tenantId, exportId);
    return "built";
  } catch (error) {
    log.error({ err: error, tenantId, exportId, finalAttempt }, "workspace export failed");
    if (!finalAttempt) throw error;
    await setProgress(tenantId, exportId, { status: "failed", finishedAt: new Date() }).catch(() => undefined);
    return "built";
  }
}

/**
 * Streams the ZIP into object storage as it is built: nothing of it is held whole in memory or on
 * this machine's disk, and the store keeps it only once it is complete, so a failed attempt leaves no
 * half-written file; a retry (pg-boss may start one while an expired attempt still runs) writes it anew.
 */
async function writeExport(tenantId: string, exportId: string): Promise<void> {
  await setProgress(tenantId, exportId, { status: "running", progress: 1 });
  const tables = await withTenant(tenantId, null, tenantTables);
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable;
  // A failure below (or reading an attachment) ends the stream with its error, so the store drops the object.
  zip.on("error", (error: Error) => output.destroy(error));
  // Each failure is reported once, by the store's put or by the entries: the stream's own error event is not a second one.
  output.on("error", () => undefined);
  let storeFailed = false;
  const storing = objectStorage().put(exportObjectKey(tenantId, exportId), output, { contentType: "application/zip" }).catch((error: unknown) => {
    storeFailed = true;
    throw error;
  });
  const adding = addEntries(tenantId, exportId, zip, tables, () => storeFailed).catch((error: unknown) => {
    output.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  });
  const [stored] = await Promise.all([storing, adding]);
  await setProgress(tenantId, exportId, { status: "done", progress: 100, byteSize: BigInt(stored.sizeBytes), finishedAt: new Date() });
}

/** `stopped`: the store gave up, so the rest of the tables is not read for nothing. */
async function addEntries(tenantId: string, exportId: string, zip: yazl.ZipFile, tables: string[], stopped: () => boolean): Promise<void> {

  const counts: Record<string, number> = {};
  const workspace = await withTenant(tenantId, null, (tx) =>
    tx.$queryRaw<{ row: unknown }[]>`SELECT row_to_json(t) AS row FROM tenants t WHERE t.id = ${tenantId}::uuid`,
  );
  zip.addBuffer(Buffer.from(JSON.stringify(workspace[0]?.row ?? null, null, 2)), "workspace.json");
  const people = await withTenant(tenantId, null, (tx) =>
    tx.membership.findMany({ select: { user: { select: { id: true, name: true, email: true } } } }),
  );
  zip.addBuffer(Buffer.from(JSON.stringify(people.map((m) => m.user), null, 2)), "people.json");

  for (const [index, table] of tables.entries()) {
    if (stopped()) throw new Error("the export's store failed");
    const rows = await tableRows(tenantId, table);
    counts[table] = rows.length;
    zip.addBuffer(Buffer.from(JSON.stringify(rows, null, 2)), `data/${table}.json`);
    await setProgress(tenantId, exportId, { progress: Math.min(90, 5 + Math.round(((index + 1) / tables.length) * 80)) });
  }
  const storage = objectStorage();
  const prefix = attachmentsPrefix(tenantId);
  const attachments = await storage.list(prefix);
  // Opened one at a time, when the ZIP reaches each: an open download per attachment would hold a connection each.
  for (const { key, sizeBytes } of attachments) {
    zip.addReadStreamLazy(`attachments/${key.slice(prefix.length)}`, { size: sizeBytes }, (done) => {
      storage.get(key).then((stream) => done(null, stream), (error: unknown) => done(error, undefined as never));
    });
  }

  const manifest = { format: "vigil-workspace-export", version: EXPORT_FORMAT_VERSION, tenantId, exportedAt: new Date().toISOString(), tables: counts, attachments: attachments.length };
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), "manifest.json");
  zip.end();
}

/** The latest exports; `downloadable` is true only in the session that started one (decision 0032). */
export async function listExports(tx: TenantTx, sessionId: string) {
  const jobs = await tx.workspaceExport.findMany({
    orderBy: { createdAt: "desc" },
    take: 10,
    select: { id: true, status: true, progress: true, byteSize: true, createdAt: true, finishedAt: true, requestedSessionId: true },
  });
  return jobs.map(({ requestedSessionId, ...job }) => ({ ...job, downloadable: requestedSessionId === sessionId }));
}

/**
 * The finished export's file, for the download route: only for the session that started it (which
 * re-authenticated to do so), and only until it expires (NOT_FOUND even before the purge).
 */
export async function exportDownload(tx: TenantTx, tenantId: string, exportId: string, sessionId: string, now = new Date()) {
  const job = await tx.workspaceExport.findFirst({ where: { id: exportId, requestedSessionId: sessionId }, select: { status: true, createdAt: true, finishedAt: true, byteSize: true } });
  if (!job || job.status !== "done" || !job.finishedAt || job.finishedAt.getTime() <= now.getTime() - EXPORT_TTL_MS) fail("NOT_FOUND", "errors.notFound");
  return { objectKey: exportObjectKey(tenantId, exportId), sizeBytes: Number(job.byteSize ?? 0), fileName: `vigil-export-${job.createdAt.toISOString().slice(0, 10)}.zip` };
}

/**
 * The hourly purge of exports finished (done or failed) more than EXPORT_TTL_MS ago: the file, then
 * the row. A background job across tenants, so the privileged handle; it selects only by finish time.
 * Returns how many exports it removed.
 */
export async function purgeExpiredExports(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - EXPORT_TTL_MS);
  const expired = await privilegedDb().workspaceExport.findMany({ where: { finishedAt: { lte: cutoff } }, select: { id: true, tenantId: true } });
  for (const { id, tenantId } of expired) {
    await objectStorage().remove(exportObjectKey(tenantId, id));
    await privilegedDb().workspaceExport.deleteMany({ where: { id, tenantId, finishedAt: { lte: cutoff } } });
  }
  return expired.length;
}
