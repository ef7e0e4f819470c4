// `pnpm db:bootstrap`: creates the roles and the database on a PostgreSQL server you run.
// Needs DATABASE_ADMIN_URL (a superuser, or a role with CREATEROLE and CREATEDB) and the two
// passwords; prints the DATABASE_URL and DATABASE_OWNER_URL to configure the app with.
import { bootstrapDatabase } from "../src/server/bootstrap.ts";

const adminUrl = process.env.DATABASE_ADMIN_URL;
const ownerPassword = process.env.VIGIL_OWNER_PASSWORD;
const appPassword = process.env.VIGIL_APP_PASSWORD;
if (!adminUrl || !ownerPassword || !appPassword) {
  console.error("Set DATABASE_ADMIN_URL, VIGIL_OWNER_PASSWORD and VIGIL_APP_PASSWORD (see README, 'Your own PostgreSQL').");
  process.exit(1);
}
const urls = await bootstrapDatabase({ adminUrl, database: process.env.VIGIL_DATABASE ?? "vigil", ownerPassword, appPassword });
const hide = (url: string) => url.replace(/:[^:@/]+@/, ":********@");
console.log(`DATABASE_URL=${hide(urls.appUrl)}`);
console.log(`DATABASE_OWNER_URL=${hide(urls.ownerUrl)}`);
