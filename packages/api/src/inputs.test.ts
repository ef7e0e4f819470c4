import { readFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * `@vigil/api/inputs` is bundled into the browser by the web's forms (docs/decisions/0164), so
 * nothing it reaches may need Node, pg or the Prisma runtime. Checked on the source: every module
 * it imports at runtime (type-only imports are erased), followed through relative paths and the
 * workspace packages' `exports`, must be one of ours or an allowed browser-safe package. A module
 * that is imported but not evaluated would slip past a runtime check; it cannot slip past this one.
 */
const BROWSER_SAFE_PACKAGES = new Set(["zod", "i18next"]);
const FORBIDDEN = /^(node:|pg$|pg-|@prisma\/|\.prisma|@vigil\/db$)/;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Runtime import specifiers of a module: `import ... from`, `export ... from`, bare `import "x"`, dynamic `import("x")`. */
function runtimeImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: string[] = [];
  for (const match of code.matchAll(/(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/g)) {
    const [, , typeOnly, clause, specifier] = match;
    const allTypes = /^\{[^}]*\}$/.test(clause!.trim()) && clause!.replace(/[{}\s]/g, "").split(",").filter(Boolean).every((name) => name.startsWith("type"));
    if (!typeOnly && !allTypes) found.push(specifier!);
  }
  for (const match of code.matchAll(/(?:^|[;\n])\s*import\s+["']([^"']+)["']/g)) found.push(match[1]!);
  for (const match of code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push(match[1]!);
  return found;
}

async function workspaceEntry(specifier: string): Promise<string | undefined> {
  const [scope, name, ...rest] = specifier.split("/");
  if (scope !== "@vigil" || !name) return undefined;
  const packageDir = path.join(repoRoot, name === "web" ? "apps/web" : `packages/${name}`);
  const manifest = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8")) as { exports: Record<string, string> };
  const target = manifest.exports[rest.length ? `./${rest.join("/")}` : "."];
  if (!target) throw new Error(`${specifier} is not in ${name}'s exports`);
  return path.join(packageDir, target);
}

async function importGraph(entry: string) {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith(".json")) continue;
    for (const specifier of runtimeImports(await readFile(file, "utf8"))) {
      const workspaceFile = await workspaceEntry(specifier);
      if (specifier.startsWith(".")) queue.push(path.resolve(path.dirname(file), specifier));
      else if (workspaceFile && !FORBIDDEN.test(specifier)) queue.push(workspaceFile);
      else packages.set(specifier, path.relative(repoRoot, file));
    }
  }
  return { files: [...seen].map((file) => path.relative(repoRoot, file)), packages };
}

describe("@vigil/api/inputs", () => {
  it("reaches only our own modules and browser-safe packages", async () => {
    const graph = await importGraph(path.join(repoRoot, "packages/api/src/inputs.ts"));
    const unsafe = [...graph.packages].filter(([specifier]) => {
      const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
      return FORBIDDEN.test(specifier) || builtinModules.includes(name) || !BROWSER_SAFE_PACKAGES.has(name);
    });
    expect(unsafe.map(([specifier, from]) => `${specifier} (imported by ${from})`)).toEqual([]);
    // The walk really went through the domains and the shared enums.
    expect(graph.files).toEqual(expect.arrayContaining(["packages/api/src/visits/inputs.ts", "packages/db/src/enums.ts", "packages/db/src/generated/prisma/enums.ts"]));
  });

  // The other doors the web's browser code comes through; each must stay as safe as the barrel.
  it.each(["./registry", "./templates", "./evidence", "./roles"])("@vigil/api%s reaches only browser-safe modules too", async (door) => {
    const graph = await importGraph((await workspaceEntry(`@vigil/api/${door.slice(2)}`))!);
    const unsafe = [...graph.packages.keys()].filter((specifier) => FORBIDDEN.test(specifier) || !BROWSER_SAFE_PACKAGES.has(specifier.split("/")[0]!));
    expect(unsafe).toEqual([]);
  });

  it("would notice a module that pulls in the database", async () => {
    const imports = runtimeImports('import { asUser } from "@vigil/db";\nimport type { TenantTx } from "@vigil/db";\nimport { type Actor } from "../core/actor.ts";\nexport * from "./x.ts";');
    expect(imports).toEqual(["@vigil/db", "./x.ts"]);
    expect(FORBIDDEN.test("@vigil/db")).toBe(true);
  });
});
