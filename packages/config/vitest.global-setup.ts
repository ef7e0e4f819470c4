import type { TestProject } from "vitest/node";
import { createTestDatabase } from "@vigil/db/testing";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseOwnerUrl: string;
    databaseAdminUrl: string;
  }
}

/** One migrated database for the run; tests create their own tenants and users inside it. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase();
  // As the server does at start: procedures queue jobs (a workspace export) in pg-boss's schema.
  const { prepareJobSchema } = await import("@vigil/api/jobs");
  await prepareJobSchema(database.ownerUrl);
  project.provide("databaseUrl", database.appUrl);
  project.provide("databaseOwnerUrl", database.ownerUrl);
  project.provide("databaseAdminUrl", database.adminUrl);
  return () => database.dispose();
}
