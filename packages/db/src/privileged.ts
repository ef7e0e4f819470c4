import { createPrismaClient, type PrismaClient } from "./client.ts";
import { ownerDatabaseUrl } from "./config.ts";

/**
 * The privileged handle: connected as the owner role, which bypasses row-level security.
 *
 * It exists for the few places that must work across tenants, or before a tenant is known. Each
 * caller imports `@vigil/db/privileged` by name, and the lint rule in packages/config/eslint.config.js
 * refuses it in any module not on its list (docs/decisions/0171):
 * - accepting an invitation (find it by its token's hash),
 * - Stripe webhooks (the workspace is known only from the event),
 * - background jobs and operator commands: the purges of deleted workspaces and expired exports, the
 *   reminder job's list of workspaces, encrypting TOTP secrets stored before encryption (once, at
 *   start-up; docs/decisions/0161) and platform:verify,
 * - tests, which arrange and inspect rows across tenants.
 * Signing in and session look-ups do not use it: they go through the narrow SECURITY DEFINER
 * functions of migration 20270104000000 (docs/decisions/0160).
 * Never pass it to tenant-scoped code.
 */
let privilegedClient: PrismaClient | undefined;

export function privilegedDb(): PrismaClient {
  privilegedClient ??= createPrismaClient(ownerDatabaseUrl(), { max: 4, name: "owner" });
  return privilegedClient;
}

export async function disconnectPrivilegedDb(): Promise<void> {
  await privilegedClient?.$disconnect();
  privilegedClient = undefined;
}
