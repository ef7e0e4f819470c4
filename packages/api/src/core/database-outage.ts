import { isDatabaseUnavailable } from "@vigil/db";
import { isStorageUnavailable } from "./storage-outage.ts";
import { logger } from "./logger.ts";

/** Seconds a client should wait before retrying while the database is unreachable (the Retry-After header). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

const REPORT_INTERVAL_MS = 30_000;
let suppressed = 0;
let lastReportAt = Number.NEGATIVE_INFINITY;

/**
 * Notes a request that failed because the database is unreachable. During an outage every request
 * fails the same way, so one warning line per 30 s (with how many were answered 503 since the last
 * line and the latest error's message) says all there is to say; a stack per request would bury
 * the log (issue 12: ~1,300 stacks per outage).
 */
export function reportDatabaseUnavailable(error: unknown, now = performance.now()): void {
  suppressed += 1;
  if (now - lastReportAt < REPORT_INTERVAL_MS) return;
  lastReportAt = now;
  const message = error instanceof Error ? error.message.split("\n").filter(Boolean).at(-1) : String(error);
  logger.warn({ requests: suppressed, error: message }, "database unavailable: answering 503");
  suppressed = 0;
}

/**
 * The database or the file store cannot be reached right now: either way the request deserves a
 * 503 and a retry, not a 500 (decisions 0131, 0251).
 */
export function isServiceUnavailable(error: unknown): boolean {
  return isDatabaseUnavailable(error) || isStorageUnavailable(error);
}

export { isDatabaseUnavailable };
