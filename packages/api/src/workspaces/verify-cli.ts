// `pnpm platform:verify <slug> [--note "what was checked"]` marks a workspace as the verified NPM of
// its country; `pnpm platform:verify <slug> --revoke` takes the mark away. For the platform
// operator, not for workspace members (docs/decisions/0155-verified-workspaces.md). Uses the
// server's settings: DATABASE_OWNER_URL (the owner role sets the mark), or, without it, the embedded
// PostgreSQL of VIGIL_DATA_DIR (the running one, or one started for the command), as `pnpm db:backup` does.
import { parseArgs } from "node:util";
import { runWithOwnerDatabase } from "../platform/owner-cli.ts";
import { setWorkspaceVerification } from "./verification.ts";

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
await runWithOwnerDatabase(async () => {
  const result = await setWorkspaceVerification({ slug, revoke: values.revoke, note: values.note ?? null });
  const who = `"${result.name}" (${result.slug}, ${result.countryCode})`;
  if (!result.changed) console.log(`${who} ${values.revoke ? "was not verified" : "is already verified"}: nothing changed.`);
  else console.log(values.revoke ? `${who} is no longer verified.` : `${who} is now the verified NPM of ${result.countryCode}.`);
});
