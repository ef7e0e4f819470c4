// `pnpm platform:verify <slug> [--note "what was checked"]` marks a workspace as the verified NPM of
// its country; `pnpm platform:verify <slug> --revoke` takes the mark away. For the platform
// operator, not for workspace members (docs/decisions/0155-verified-workspaces.md). Uses the
// server's settings: DATABASE_URL and DATABASE_OWNER_URL (the owner role sets the mark).
import { parseArgs } from "node:util";
import { disconnectPrivilegedDb } from "@vigil/db/privileged";
import { setWorkspaceVerification, UnknownWorkspaceError } from "../services/workspace-verification.ts";

const usage = 'Usage: pnpm platform:verify <slug> [--note "what was checked"] | pnpm platform:verify <slug> --revoke';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { revoke: { type: "boolean", default: false }, note: { type: "string" }, help: { type: "boolean", short: "h", default: false } },
});
const slug = positionals[0]?.trim().toLowerCase();
if (values.help || !slug || positionals.length > 1) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
if (!process.env.DATABASE_OWNER_URL) {
  console.error('DATABASE_OWNER_URL is not set: point it at the database the server uses (see README, "Configuration").');
  process.exit(2);
}

try {
  const result = await setWorkspaceVerification({ slug, revoke: values.revoke, note: values.note ?? null });
  const who = `"${result.name}" (${result.slug}, ${result.countryCode})`;
  if (!result.changed) console.log(`${who} ${values.revoke ? "was not verified" : "is already verified"}: nothing changed.`);
  else console.log(values.revoke ? `${who} is no longer verified.` : `${who} is now the verified NPM of ${result.countryCode}.`);
} catch (error) {
  if (!(error instanceof UnknownWorkspaceError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await disconnectPrivilegedDb();
}
