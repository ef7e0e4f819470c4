import type { Server } from "node:http";

/** Rejects with a plain message when `work` takes longer than `ms` (the work itself is left to finish or not). */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Stops accepting connections and waits for the open ones to finish their requests: idle
 * keep-alive connections are closed as soon as they are idle, busy ones when their response is
 * sent. After `drainMs` whatever is left is cut. Resolves with the number of connections cut.
 */
export async function closeGracefully(server: Server, drainMs: number): Promise<number> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A connection that finished a request while we wait is idle now: close it rather than wait for its keep-alive timeout.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  try {
    await withTimeout(closed, drainMs, "draining");
    return 0;
  } catch {
    const busy = await new Promise<number>((resolve) => server.getConnections((_error, count) => resolve(count)));
    server.closeAllConnections();
    return busy;
  } finally {
    clearInterval(sweep);
  }
}
