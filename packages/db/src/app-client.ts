import { createPrismaClient, type PrismaClient } from "./client.ts";
import { appDatabaseUrl } from "./config.ts";

let appClient: PrismaClient | undefined;

/**
 * The application's client, connected as `vigil_app`. Row-level security applies to every query,
 * so tenant-owned rows are only visible inside `withTenant` (tenant-scope.ts).
 */
export function appDb(): PrismaClient {
  appClient ??= createPrismaClient(appDatabaseUrl(), { name: "app" });
  return appClient;
}

export async function disconnectAppDb(): Promise<void> {
  await appClient?.$disconnect();
  appClient = undefined;
}
