// `pnpm db:restore <archive.zip> [--force]`: restores a `pnpm db:backup` archive into DATABASE_OWNER_URL's
// database, or into the embedded server of VIGIL_DATA_DIR (a fresh folder gets a new cluster). Refuses
// a database or folder that already holds data unless --force. Stop the app first.
import { parseArgs } from "node:util";
import { restoreBackup, withOwnerDatabase } from "../src/backup/index.ts";
import { fail, fromInvocation, target } from "./backup-cli.ts";

try {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean", default: false } } });
  if (!positionals[0]) throw new Error("Usage: pnpm db:restore <archive.zip> [--force]");
  const file = fromInvocation(positionals[0]);
  const manifest = await withOwnerDatabase(target, { create: true }, (ownerUrl) =>
    restoreBackup({ file, ownerUrl, dataDir: target.dataDir, force: values.force, log: target.log }),
  );
  console.log(`Restored the backup of ${manifest.createdAt} (schema ${manifest.migrations.at(-1)}).`);
} catch (error) {
  fail(error);
}
