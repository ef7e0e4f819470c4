// `pnpm platform:verify <slug> [--note "what was checked"]` marks a workspace as the verified NPM of
// its country; `pnpm platform:verify <slug> --revoke` takes the mark away. For the platform
// operator, not for workspace members (docs/decisions/0155-verified-workspaces.md). Uses the
// server's settings: DATABASE_OWNER_URL (the owner role sets the mark), or, without it, the embedded
// PostgreSQL of VIGIL_DATA_DIR (the running one, or one started for the command), as `pnpm db:backup` does.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { withOwnerDatabase } from "@vigil/db/backup";
import { disconnectPrivilegedDb } from "@vigil/db/privileged";
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
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const embedded = {
  dataDir: path.resolve(process.env.VIGIL_DATA_DIR ?? path.join(repoRoot, ".vigil")),
  port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
  log: (message: string) => console.log(message),
};

try {
  await withOwnerDatabase(embedded, { create: false }, async (ownerUrl) => {
    process.env.DATABASE_OWNER_URL = ownerUrl;
    try {
      const result = await setWorkspaceVerification({ slug, revoke: values.revoke, note: values.note ?? null });
      const who = `"${result.name}" (${result.slug}, ${result.countryCode})`;
      if (!result.changed) console.log(`${who} ${values.revoke ? "was not verified" : "is already verified"}: nothing changed.`);
      else console.log(values.revoke ? `${who} is no longer verified.` : `${who} is now the verified NPM of ${result.countryCode}.`);
    } finally {
      await disconnectPrivilegedDb();
    }
  });
} catch (error) {
  // Printed as a sentence (an unknown slug, no database to reach), never a stack or a bare `undefined`.
  console.error(error instanceof Error ? error.message : `Failed: ${String(error)}`);
  // exit() rather than exitCode: a library's own exit handler would otherwise report success.
  process.exit(1);
}
