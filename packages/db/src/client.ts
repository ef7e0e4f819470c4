import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { SerialClient } from "./serial-client.ts";

export type { PrismaClient };

/** A Prisma client on its own connection pool, for one database role. */
export function createPrismaClient(connectionString: string, options: { max?: number } = {}): PrismaClient {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, Client: SerialClient });
  // The adapter ends a pool it was given only when told to ($disconnect must close it, as before).
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}
