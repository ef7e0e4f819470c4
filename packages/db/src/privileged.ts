import { createPrismaClient, type PrismaClient } from "./client.ts";
import { ownerDatabaseUrl } from "./config.ts";

/**
 * The privileged handle: connected as the owner role, which bypasses row-level security.
 *
 * It exists for the few places that must look across tenants before a tenant is known, and each
 * caller imports `@vigil/db/privileged` by name so they are easy to find:
 * - signing in (find the user by e-mail, validate a session token),
 * - accepting an invitation (find it by its token's hash),
 * - background jobs.
 * Never pass it to tenant-scoped code.
 */
let privilegedClient: PrismaClient | undefined;

export function privilegedDb(): PrismaClient {
  privilegedClient ??= createPrismaClient(ownerDatabaseUrl(), { max: 4 });
  return privilegedClient;
}

export async function disconnectPrivilegedDb(): Promise<void> {
  await privilegedClient?.$disconnect();
  privilegedClient = undefined;
}
