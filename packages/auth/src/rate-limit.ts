import { appDb } from "@vigil/db";

export type RateLimitRule = { limit: number; windowMs: number };

/** One limited thing, e.g. `sign-in:account:ana@example.org` or `sign-in:ip:10.0.0.1`, with its rule. */
export type RateLimitedBucket = { bucket: string; rule: RateLimitRule };

/**
 * An attempt either got a place in every bucket (and may give it back when it turns out harmless),
 * or was refused before anything was checked, with the time the oldest counted hit leaves its window.
 */
export type Attempt =
  | { allowed: true; refund: (bucket?: string) => Promise<void> }
  | { allowed: false; retryAt: Date };

const DAY_MS = 24 * 60 * 60 * 1000;
// Distinguishes these advisory locks from any other lock taken with pg_advisory_xact_lock(int, int).
const LOCK_NAMESPACE = "vigil:rate-limit";

/**
 * Reserves one attempt in every bucket, or none: the count and the reservation are one atomic step
 * in PostgreSQL. Each bucket's transaction-scoped advisory lock serialises concurrent attempts on
 * it, so of N attempts sent at once (in parallel, or in one batched request) at most `limit` get a
 * place, and only those go on to check a password or code. Reserve first, check second: a caller
 * that succeeds calls `refund()` where a success should not count.
 */
export async function consumeAttempts(buckets: RateLimitedBucket[], now = new Date()): Promise<Attempt> {
  // Locks in a fixed order, so two callers locking overlapping buckets cannot deadlock.
  const ordered = [...buckets].sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0));
  const names = ordered.map((b) => b.bucket);
  const outcome = await appDb().$transaction(
    async (tx) => {
      // unnest keeps the array's (sorted) order, so the locks are taken in that order.
      await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(hashtext(${LOCK_NAMESPACE}), hashtext(b)))::int AS locked FROM unnest(${names}::text[]) AS b`;
      // Read after the locks: under READ COMMITTED this statement sees every hit committed before it.
      // Per bucket, the `limit`-th newest hit in its window: if there is one, the bucket is full, and
      // that hit is the first to leave the window.
      const fullness = await tx.$queryRaw<{ bucket: string; oldest: Date | null; window_ms: number }[]>`
        SELECT u.bucket, u.window_ms::int AS window_ms,
          (SELECT h.created_at FROM rate_limit_hits h
             WHERE h.bucket = u.bucket AND h.created_at > ${now}::timestamptz - make_interval(secs => u.window_ms / 1000.0)
             ORDER BY h.created_at DESC OFFSET u.lim - 1 LIMIT 1) AS oldest
        FROM unnest(${names}::text[], ${ordered.map((b) => b.rule.windowMs)}::int[], ${ordered.map((b) => b.rule.limit)}::int[]) AS u(bucket, window_ms, lim)`;
      const retryAt = fullness
        .filter((row) => row.oldest !== null)
        .map((row) => new Date(row.oldest!.getTime() + Number(row.window_ms)))
        .sort((a, b) => b.getTime() - a.getTime())[0];
      if (retryAt) return { allowed: false as const, retryAt };
      // Reserve a place in every bucket; old hits are useless, so these buckets' are pruned as we go.
      const hits = await tx.$queryRaw<{ id: bigint; bucket: string }[]>`
        WITH pruned AS (DELETE FROM rate_limit_hits WHERE bucket = ANY(${names}::text[]) AND created_at < ${new Date(now.getTime() - DAY_MS)}::timestamptz)
        INSERT INTO rate_limit_hits (bucket, created_at) SELECT b, ${now}::timestamptz FROM unnest(${names}::text[]) AS b
        RETURNING id, bucket`;
      return { allowed: true as const, reserved: new Map(hits.map((hit) => [hit.bucket, hit.id])) };
    },
    // Attempts on one bucket queue on its lock; each holds it for a few milliseconds only.
    { maxWait: 30_000, timeout: 30_000 },
  );
  if (!outcome.allowed) return outcome;
  const { reserved } = outcome;
  return {
    allowed: true,
    refund: async (bucket?: string) => {
      const ids = bucket === undefined ? [...reserved.values()] : [reserved.get(bucket)].filter((id) => id !== undefined);
      if (ids.length > 0) await appDb().rateLimitHit.deleteMany({ where: { id: { in: ids } } });
    },
  };
}

/** `consumeAttempts` for a single bucket. */
export function consumeAttempt(bucket: string, rule: RateLimitRule, now = new Date()): Promise<Attempt> {
  return consumeAttempts([{ bucket, rule }], now);
}

/** Forgets a bucket's hits, e.g. an account's failed sign-ins once the right password was given. */
export async function clearRateLimit(bucket: string): Promise<void> {
  await appDb().rateLimitHit.deleteMany({ where: { bucket } });
}
