// Shared by `pnpm db:backup` and `pnpm db:restore`: where the data folder and the embedded server are.
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Paths on the command line are relative to where the operator ran pnpm, not to packages/db. */
export function fromInvocation(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

export const target = {
  dataDir: path.resolve(process.env.VIGIL_DATA_DIR ?? path.join(repoRoot, ".vigil")),
  port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
  log: (message: string) => console.log(message),
};

/** Prints the failure as a sentence (never a bare `undefined`) and exits 1. */
export function fail(error: unknown): never {
  console.error(error instanceof Error ? error.message : `Failed: ${String(error)}`);
  process.exit(1);
}
