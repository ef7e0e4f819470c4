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
  const outcome = await appDb().$transaction(
    async (tx) => {
      for (const { bucket } of ordered) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${LOCK_NAMESPACE}), hashtext(${bucket}))`;
      }
      let retryAt: Date | null = null;
      for (const { bucket, rule } of ordered) {
        // Read after the lock: under READ COMMITTED each statement sees every hit committed before it.
        const hits = await tx.rateLimitHit.findMany({
          where: { bucket, createdAt: { gt: new Date(now.getTime() - rule.windowMs) } },
          orderBy: { createdAt: "desc" },
          take: rule.limit,
          select: { createdAt: true },
        });
        if (hits.length < rule.limit) continue;
        // The oldest of the last `limit` hits leaves the window first.
        const freeAt = new Date(hits[hits.length - 1]!.createdAt.getTime() + rule.windowMs);
        if (!retryAt || freeAt > retryAt) retryAt = freeAt;
      }
      if (retryAt) return { allowed: false as const, retryAt };
      const reserved = new Map<string, bigint>();
      for (const { bucket } of ordered) {
        const hit = await tx.rateLimitHit.create({ data: { bucket, createdAt: now }, select: { id: true } });
        reserved.set(bucket, hit.id);
      }
      // Old hits are useless; prune these buckets' as we go rather than in a job.
      await tx.rateLimitHit.deleteMany({ where: { bucket: { in: ordered.map((b) => b.bucket) }, createdAt: { lt: new Date(now.getTime() - DAY_MS) } } });
      return { allowed: true as const, reserved };
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
