import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The boundary rules of eslint.config.js (docs/decisions/0171), run through ESLint's Node API on
// small sources placed, by file path, where a rule applies. The files need not exist.
const configDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(configDir, "../..");
const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: path.join(configDir, "eslint.config.js") });

const boundaryRules = new Set(["no-restricted-imports", "no-restricted-syntax"]);

/** The boundary errors ESLint reports for `source` as if it were the file at `filePath`. */
async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(repoRoot, filePath) });
  return (result?.messages ?? []).filter((message) => message.ruleId !== null && boundaryRules.has(message.ruleId)).map((message) => message.message);
}

describe("core/ imports no domain", () => {
  it("refuses a domain import in a core module", async () => {
    const errors = await boundaryErrors("packages/api/src/core/fixture.ts", `export { isVisitEditable } from "../visits/status-rules.ts";\n`);
    expect(errors).toEqual([expect.stringContaining("core/ imports no domain")]);
  });

  it("refuses it in a core test too, and a type-only or dynamic import as well", async () => {
    const source = `import type { TenantTx } from "../visits/detail.ts";\nexport const load = () => import("../reports/drafting.ts");\nexport type Tx = TenantTx;\n`;
    const errors = await boundaryErrors("packages/api/src/core/fixture.test.ts", source);
    expect(errors).toHaveLength(2);
    expect(errors.every((message) => message.includes("core/ imports no domain"))).toBe(true);
  });

  it("lets core import core and packages", async () => {
    const source = `export { fail } from "./errors.ts";\nexport { tenantScope } from "@vigil/db";\n`;
    expect(await boundaryErrors("packages/api/src/core/fixture.ts", source)).toEqual([]);
  });

  it("lets a domain import core", async () => {
    expect(await boundaryErrors("packages/api/src/visits/fixture.ts", `export { fail } from "../core/errors.ts";\n`)).toEqual([]);
  });
});

describe("the privileged database handle", () => {
  const importHandle = `import { privilegedDb } from "@vigil/db/privileged";\nexport const db = privilegedDb;\n`;

  it("is refused in a module that is not listed", async () => {
    expect(await boundaryErrors("packages/api/src/visits/fixture.ts", importHandle)).toEqual([expect.stringContaining("privileged handle")]);
  });

  it("is refused in a test that is not listed", async () => {
    expect(await boundaryErrors("packages/api/src/visits/fixture.int.test.ts", importHandle)).toEqual([expect.stringContaining("privileged handle")]);
  });

  it("is refused by a relative path and by a dynamic import", async () => {
    expect(await boundaryErrors("packages/db/src/fixture.ts", `export { privilegedDb } from "./privileged.ts";\n`)).toHaveLength(1);
    expect(await boundaryErrors("apps/web/server/fixture.ts", `export const load = () => import("@vigil/db/privileged");\n`)).toHaveLength(1);
  });

  it("is refused in core and in the web app", async () => {
    expect(await boundaryErrors("packages/api/src/core/fixture.ts", importHandle)).toEqual([expect.stringContaining("privileged handle")]);
    expect(await boundaryErrors("apps/web/app/features/visits/fixture.ts", importHandle)).toEqual([expect.stringContaining("privileged handle")]);
  });

  it("is allowed in a listed module and a listed test", async () => {
    expect(await boundaryErrors("packages/api/src/billing/webhooks.ts", importHandle)).toEqual([]);
    expect(await boundaryErrors("packages/api/src/workspaces/export.int.test.ts", importHandle)).toEqual([]);
  });
});

describe("the web app uses package exports", () => {
  it("refuses a path into a package's files", async () => {
    const source = `export { isVisitEditable } from "../../../../../packages/api/src/visits/status-rules.ts";\n`;
    expect(await boundaryErrors("apps/web/app/features/visits/fixture.ts", source)).toEqual([expect.stringContaining("through its exports")]);
  });

  it("refuses a package's src/ by name", async () => {
    expect(await boundaryErrors("apps/web/app/features/visits/fixture.ts", `export { appRouter } from "@vigil/api/src/router.ts";\n`)).toHaveLength(1);
  });

  it("allows a package's exports", async () => {
    const source = `export { appRouter } from "@vigil/api";\nexport { placeTypes } from "@vigil/api/registry";\n`;
    expect(await boundaryErrors("apps/web/app/features/visits/fixture.ts", source)).toEqual([]);
  });
});
