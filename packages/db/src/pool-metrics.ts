import type pg from "pg";

/**
 * What the metrics endpoint reads of each connection pool (issue 19 section 4): its size, idle and
 * waiting clients now, and how long each checkout waited. Kept free of any metrics library: the web
 * server (apps/web/server/metrics.ts) turns these into Prometheus series.
 */
export type PoolStatistics = { pool: string; max: number; total: number; idle: number; waiting: number };

type WaitListener = (pool: string, seconds: number) => void;

const pools = new Map<string, pg.Pool>();
let waitListener: WaitListener | undefined;

/** Names the pool (by its role) and times every checkout, promise or callback style alike. */
export function observePool(name: string, pool: pg.Pool): void {
  // A second client for the same role (tests, restarts) replaces the first: the live one is measured.
  pools.set(name, pool);
  const connect = pool.connect.bind(pool) as (callback?: (...args: unknown[]) => void) => unknown;
  (pool as { connect: unknown }).connect = (callback?: (...args: unknown[]) => void) => {
    const started = performance.now();
    const waited = () => waitListener?.(name, (performance.now() - started) / 1000);
    if (typeof callback === "function") {
      return connect((...args: unknown[]) => {
        waited();
        callback(...args);
      });
    }
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      waited();
      return client;
    });
  };
}

export function poolStatistics(): PoolStatistics[] {
  return [...pools].map(([pool, p]) => ({ pool, max: p.options.max ?? 10, total: p.totalCount, idle: p.idleCount, waiting: p.waitingCount }));
}

/** One listener (the metrics module's) hears every checkout's wait. */
export function onPoolWait(listener: WaitListener): void {
  waitListener = listener;
}
