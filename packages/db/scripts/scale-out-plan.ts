// `pnpm --filter @vigil/db scale-out-plan`: migrates a scratch database (on DATABASE_ADMIN_URL's
// cluster, or an embedded one), reads its catalog and rewrites the generated Citus plan in
// infra/scale-out.md. Refuses to write a plan for a schema that breaks the distribution rules.
import pg from "pg";
import { readDistributionCatalog } from "../src/scale-out/catalog.ts";
import { citusPlan } from "../src/scale-out/citus-plan.ts";
import { SCALE_OUT_DOCUMENT, writePlan } from "../src/scale-out/plan-file.ts";
import { distributionViolations } from "../src/scale-out/rules.ts";
import { createTestDatabase } from "../src/testing/test-database.ts";

const database = await createTestDatabase();
try {
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  const catalog = await readDistributionCatalog(client).finally(() => client.end());
  const problems = distributionViolations(catalog);
  if (problems.length > 0) {
    console.error(`The schema cannot be distributed by tenant_id:\n- ${problems.join("\n- ")}`);
    process.exitCode = 1;
  } else {
    await writePlan(citusPlan(catalog));
    console.log(`Wrote the Citus plan to ${SCALE_OUT_DOCUMENT.pathname}`);
  }
} finally {
  await database.dispose();
}
