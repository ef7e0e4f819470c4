import pg from "pg";

/**
 * A node-postgres client that sends one query at a time, queueing the rest itself (decision 0181).
 *
 * A transaction is one connection. Prisma's adapter sends the independent reads of one operation at
 * once (a visit with its team and findings; prisma/orm#29979), and a page loader's procedures share
 * one transaction (decision 0178). node-postgres queued such calls inside the client; since 8.19 that
 * queue is deprecated ("an external async flow control mechanism instead") and pg@9 refuses a query
 * sent while another runs. This is that mechanism: the order and the results are the same.
 *
 * Only the promise form is queued (what Prisma sends); callback and streaming calls (the pool's own
 * `pool.query`, COPY streams on a client of their own) pass through unchanged.
 */
export class SerialClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // pg.Client's own query, looked up at each call (not bound once): a wrapper installed on it later
    // (the statement recorder of tests and the bench) still sees every statement.
    const send = (...args: unknown[]) => (super.query as (...a: unknown[]) => unknown).apply(this, args);
    let last: Promise<unknown> = Promise.resolve();
    // pg's `query` has a dozen overloads; this keeps them and forwards whatever it is given.
    this.query = ((...args: unknown[]) => {
      const [config, values, callback] = args as [{ submit?: unknown } | string | undefined, unknown, unknown];
      const streaming = typeof config === "object" && config !== null && typeof config.submit === "function";
      if (streaming || typeof values === "function" || typeof callback === "function") return send(...args);
      const result = last.then(() => send(...args), () => send(...args));
      last = result.catch(() => undefined);
      return result;
    }) as pg.Client["query"];
  }
}
