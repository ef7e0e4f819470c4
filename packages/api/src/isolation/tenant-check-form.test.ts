import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/**
 * The services' own SQL names the tenant as `(SELECT current_tenant_id())`, like the policies
 * (docs/decisions/0091): a scalar subquery is evaluated once per query, where the bare call is
 * evaluated on every row a scan filters (≈ 7× slower over 100,000 rows). Lists every bare call.
 */
it("service SQL reads the current tenant once per query, never per row", async () => {
  const bare: string[] = [];
  for (const dir of ["packages/api/src", "packages/db/src"]) {
    const entries = await readdir(path.join(repoRoot, dir), { withFileTypes: true, recursive: true });
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".test.ts")) continue;
      if (/[\\/]generated([\\/]|$)/.test(entry.parentPath)) continue;
      const file = path.join(entry.parentPath, entry.name);
      const lines = (await readFile(file, "utf8")).split("\n");
      lines.forEach((line, index) => {
        const calls = line.match(/current_tenant_id\(\)/g)?.length ?? 0;
        const once = line.match(/\(SELECT current_tenant_id\(\)\)/g)?.length ?? 0;
        if (calls > once) bare.push(`${path.relative(repoRoot, file)}:${index + 1}`);
      });
    }
  }
  expect(bare).toEqual([]);
});
