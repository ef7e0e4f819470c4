import { Prisma } from "./generated/prisma/client.ts";

/** True when the error is a unique-constraint violation (Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// Prisma's codes for "the server cannot be reached / went away / no connection could be had in time".
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// What @prisma/adapter-pg calls a refused, reset or timed-out socket.
const ADAPTER_UNAVAILABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// Socket errors from node-postgres.
const SOCKET_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
// SQLSTATE: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or
// shutting down), 53300 too_many_connections; class 08 is every connection exception.
const SQLSTATE_UNAVAILABLE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
// node-postgres reports a connection that died, or a pool that could not connect in time, by message only.
// Prisma's P2028 is also an expired or closed transaction (a bug, a 500), so only its "could not start
// in time" message counts: every connection was busy (a burst of pages, each holding its shared read).
const MESSAGE_UNAVAILABLE =
  /Connection terminated|Unable to start a transaction in the given time|Can't reach database server|Server has closed the connection|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Client has encountered a connection error/i;

function codeIsUnavailable(code: unknown): boolean {
  return typeof code === "string" && (PRISMA_UNAVAILABLE.has(code) || SOCKET_UNAVAILABLE.has(code) || SQLSTATE_UNAVAILABLE.test(code));
}

/**
 * True when the error means "the database cannot be reached right now" (refused, restarting,
 * connection lost), however it was wrapped: a pg error, Prisma's known-request error around an
 * adapter error, a TRPCError whose cause is one of those. Such a request deserves a 503 and a
 * retry later, not a 500 and a stack trace (docs/decisions/0131).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const record = current as { code?: unknown; message?: unknown; kind?: unknown; originalCode?: unknown; cause?: unknown; meta?: unknown; errors?: unknown };
    if (codeIsUnavailable(record.code) || codeIsUnavailable(record.originalCode)) return true;
    if (typeof record.kind === "string" && ADAPTER_UNAVAILABLE.has(record.kind)) return true;
    if (typeof record.message === "string" && MESSAGE_UNAVAILABLE.test(record.message)) return true;
    pending.push(record.cause);
    if (typeof record.meta === "object" && record.meta !== null) pending.push((record.meta as { driverAdapterError?: unknown }).driverAdapterError);
    // AggregateError (e.g. a refused IPv4 and IPv6 connect).
    if (Array.isArray(record.errors)) pending.push(...record.errors);
  }
  return false;
}
