import type { Prisma, TenantTx } from "@vigil/db";
import { z } from "zod";
import { cursorInstant, keysetCursor } from "../core/keyset-cursor.ts";

export type AuditLogFilter = {
  actorId?: string;
  action?: string;
  targetType?: string;
  /** Inclusive calendar days (YYYY-MM-DD, UTC). */
  from?: string;
  to?: string;
};

const AUDIT_PAGE_SIZE = 50;
/** The CSV export's ceiling, so one request cannot hold the database for long. */
const AUDIT_EXPORT_MAX = 100_000;

const DAY_MS = 24 * 60 * 60 * 1000;

function whereFor(filter: AuditLogFilter): Prisma.AuditEventWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filter.from) createdAt.gte = new Date(`${filter.from}T00:00:00Z`);
  if (filter.to) createdAt.lt = new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + DAY_MS);
  return {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    ...(filter.from || filter.to ? { createdAt } : {}),
  };
}

/** Cursors name the last row shown: its time and id, so a page never repeats or skips a row. */
const cursorCodec = keysetCursor(z.tuple([cursorInstant, z.uuid()]));

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return cursorCodec.encode([row.createdAt.toISOString(), row.id]);
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [createdAt, id] = cursorCodec.decode(cursor);
  return { createdAt, id };
}

const SELECT = {
  id: true, action: true, targetType: true, targetId: true, details: true, ipAddress: true, createdAt: true,
  actor: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AuditEventSelect;

/** One page of the log, newest first (keyset pagination over the tenant's index). */
export async function listAuditEvents(tx: TenantTx, filter: AuditLogFilter, cursor?: string, pageSize = AUDIT_PAGE_SIZE) {
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await tx.auditEvent.findMany({
    where: {
      AND: [
        whereFor(filter),
        after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: SELECT,
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { events: page, nextCursor: rows.length > pageSize && last ? encodeCursor(last) : null };
}

/** Every matching row for the CSV export, read page by page. */
export async function allAuditEvents(tx: TenantTx, filter: AuditLogFilter) {
  const events: Awaited<ReturnType<typeof listAuditEvents>>["events"] = [];
  let cursor: string | undefined;
  do {
    const page = await listAuditEvents(tx, filter, cursor, 1000);
    events.push(...page.events);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && events.length < AUDIT_EXPORT_MAX);
  return events.slice(0, AUDIT_EXPORT_MAX);
}

/** What the filter form offers: the workspace's members, and the actions and record types in its log. */
export async function auditFilterOptions(tx: TenantTx) {
  // One after another: a transaction's one connection cannot run queries side by side.
  const members = await tx.membership.findMany({ select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } });
  const actions = await tx.auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  const targetTypes = await tx.auditEvent.findMany({ distinct: ["targetType"], select: { targetType: true }, orderBy: { targetType: "asc" } });
  return { actors: members.map((m) => m.user), actions: actions.map((a) => a.action), targetTypes: targetTypes.map((t) => t.targetType) };
}

const CSV_COLUMNS = ["time", "actor_name", "actor_email", "action", "record_type", "record_id", "ip_address", "details"] as const;

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
export function auditCsv(events: Awaited<ReturnType<typeof allAuditEvents>>): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = events.map((e) =>
    [e.createdAt.toISOString(), e.actor?.name ?? "", e.actor?.email ?? "", e.action, e.targetType, e.targetId ?? "", e.ipAddress ?? "", JSON.stringify(e.details)]
      .map(cell)
      .join(","),
  );
  return [CSV_COLUMNS.join(","), ...lines].join("\r\n") + "\r\n";
}
