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
  project.provide("databaseUrl", database.appUrl);
  project.provide("databaseOwnerUrl", database.ownerUrl);
  project.provide("databaseAdminUrl", database.adminUrl);
  return () => database.dispose();
}
