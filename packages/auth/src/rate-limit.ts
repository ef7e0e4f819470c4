import { appDb } from "@vigil/db";

export type RateLimitRule = { limit: number; windowMs: number };

export type RateLimitState = { limited: false } | { limited: true; retryAt: Date };

/**
 * Attempt counters kept in PostgreSQL, so a limit holds across every app process.
 * A bucket names what is limited, e.g. `sign-in:account:ana@example.org` or `sign-in:ip:10.0.0.1`.
 */
export async function rateLimitState(bucket: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitState> {
  const since = new Date(now.getTime() - rule.windowMs);
  const hits = await appDb().rateLimitHit.findMany({
    where: { bucket, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: rule.limit,
    select: { createdAt: true },
  });
  if (hits.length < rule.limit) return { limited: false };
  // The oldest of the last `limit` hits leaves the window first.
  const oldest = hits[hits.length - 1]!.createdAt;
  return { limited: true, retryAt: new Date(oldest.getTime() + rule.windowMs) };
}

export async function recordRateLimitHit(bucket: string, now = new Date()): Promise<void> {
  const db = appDb();
  await db.rateLimitHit.create({ data: { bucket, createdAt: now } });
  // Old hits are useless; prune this bucket's as we go rather than in a job.
  await db.rateLimitHit.deleteMany({ where: { bucket, createdAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
}

export async function clearRateLimit(bucket: string): Promise<void> {
  await appDb().rateLimitHit.deleteMany({ where: { bucket } });
}
