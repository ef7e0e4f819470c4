import { createPrismaClient, type PrismaClient } from "./client.ts";
import { ownerDatabaseUrl } from "./config.ts";

/**
 * The privileged handle: connected as the owner role, which bypasses row-level security.
 *
 * It exists for the few places that must look across tenants before a tenant is known, and each
 * caller imports `@vigil/db/privileged` by name so they are easy to find:
 * - accepting an invitation (find it by its token's hash),
 * - Stripe webhooks (the workspace is known only from the event),
 * - background jobs and operator commands (purges, reminders, re-sealing TOTP secrets at start-up,
 *   platform:verify).
 * Signing in and session look-ups do not use it: they go through the narrow SECURITY DEFINER
 * functions of migration 20270104000000 (docs/decisions/0160).
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
