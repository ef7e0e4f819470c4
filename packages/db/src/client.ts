import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { observePool } from "./pool-metrics.ts";
import { SerialClient } from "./serial-client.ts";

export type { PrismaClient };

/** A Prisma client on its own connection pool, for one database role (`name` labels its metrics). */
export function createPrismaClient(connectionString: string, options: { max?: number; name?: string } = {}): PrismaClient {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, Client: SerialClient });
  if (options.name) observePool(options.name, pool);
  // The adapter ends a pool it was given only when told to ($disconnect must close it, as before).
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}
