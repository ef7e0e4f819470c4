import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales.ts";
import { resources } from "./translator.ts";
import { auditActionsIn } from "./audit-actions-scan.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where audited changes are written: every package's source and the web server and app. */
const SOURCE_DIRS = ["packages", "apps/web/server", "apps/web/app"];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .filter((e) => !/[\\/](node_modules|generated|dist|build)([\\/]|$)/.test(e.parentPath))
    .map((e) => path.join(e.parentPath, e.name));
}

async function auditedActions() {
  const codes = new Map<string, string>();
  const unreadable: string[] = [];
  for (const dir of SOURCE_DIRS) {
    for (const file of await sourceFiles(path.join(repoRoot, dir))) {
      const found = auditActionsIn(await readFile(file, "utf8"));
      const where = path.relative(repoRoot, file);
      for (const { code, line } of found.codes) if (!codes.has(code)) codes.set(code, `${where}:${line}`);
      for (const line of found.unreadable) unreadable.push(`${where}:${line}`);
    }
  }
  return { codes, unreadable };
}

const labels = (locale: (typeof LOCALES)[number]) => (resources[locale].translation.audit ?? {}) as Record<string, unknown>;

describe("audit log labels", () => {
  it("every recordAudit call names its action as a string literal (so the labels below can be checked)", async () => {
    const { codes, unreadable } = await auditedActions();
    expect(unreadable, "recordAudit calls whose action is not a string literal (write `action: \"thing.done\"`)").toEqual([]);
    expect(codes.size).toBeGreaterThan(30);
  });

  it.each(LOCALES)("%s has a label for every audit action code used in the source", async (locale) => {
    const { codes } = await auditedActions();
    const have = labels(locale);
    const missing = [...codes].filter(([code]) => typeof have[code] !== "string").map(([code, where]) => `${code} (${where})`);
    expect(
      missing,
      `Audit actions without a label in packages/i18n/locales/${locale}/core.json under "audit" ` +
        `(add them for en, sr-Cyrl and uk, then run \`pnpm --filter @vigil/i18n latin\`):\n  ${missing.join("\n  ")}\n`,
    ).toEqual([]);
  });

  it("finds actions in one-line, multi-line and conditional calls, and flags computed ones", () => {
    const source = [
      `await recordAudit(tx, { tenantId, action: "place.created", targetType: "place" });`,
      `await recordAudit(tx, {`,
      `  tenantId: actor.tenantId, // a comment (with a paren`,
      `  action: archived ? "place.archived" : "place.unarchived", details: { note: "a, b" },`,
      `});`,
      "await recordAudit(tx, { action: `report.${kind}`, targetType: \"report\" });",
      `import { recordAudit } from "./audit.ts";`,
    ].join("\n");
    const found = auditActionsIn(source);
    expect(found.codes).toEqual([
      { code: "place.created", line: 1 },
      { code: "place.archived", line: 2 },
      { code: "place.unarchived", line: 2 },
    ]);
    expect(found.unreadable).toEqual([6]);
  });
});
