import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LOCALE_FILES } from "../locales/index.ts";
import { LOCALES, localeNames } from "./locales.ts";
import { transliterateResource } from "./serbian-script.ts";
import { resources } from "./translator.ts";

type Tree = { [key: string]: string | Tree };
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(resources[locale].translation as Tree)]));
const english = flat.en!;

// i18next plural forms (`_one`, `_few`, ...): each language has the forms Intl.PluralRules gives it,
// so key sets are compared without them.
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const baseKeys = (keys: Map<string, string>) => [...new Set([...keys.keys()].map((key) => key.replace(PLURAL_SUFFIX, "")))].sort();

/** Interpolation placeholders such as {{time}}. */
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe("locale files", () => {
  it.each(LOCALES)("%s has exactly the keys of English, none empty", (locale) => {
    const keys = flat[locale]!;
    expect(baseKeys(keys)).toEqual(baseKeys(english));
    for (const [key, value] of keys) expect(value.trim(), `${locale}:${key}`).not.toBe("");
  });

  it.each(LOCALES)("%s keeps every placeholder of the English text", (locale) => {
    for (const [key, value] of english) {
      if (PLURAL_SUFFIX.test(key)) continue; // checked below, form by form
      expect(placeholders(flat[locale]!.get(key)!), `${locale}:${key}`).toEqual(placeholders(value));
    }
  });

  it.each(["sr-Cyrl", "uk"] as const)("%s is translated (no English sentence left)", (locale) => {
    const untranslated = [...english].filter(([key, value]) => /\s/.test(value) && /[a-z]{3,}/.test(value) && flat[locale]!.get(key) === value);
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it.each(LOCALES)("%s: no two files define the same top-level key", (locale) => {
    const owners = new Map<string, string>();
    for (const [file, content] of Object.entries(LOCALE_FILES[locale])) {
      for (const key of Object.keys(content)) {
        expect(owners.get(key), `${locale}: "${key}" is in ${owners.get(key)}.json and ${file}.json`).toBeUndefined();
        owners.set(key, file);
      }
    }
  });

  it.each(LOCALES)("%s: its module (one browser chunk) lists every file of its folder", async (locale) => {
    const files = (await readdir(path.join(repoRoot, "packages/i18n/locales", locale))).filter((name) => name.endsWith(".json"));
    expect(Object.keys(LOCALE_FILES[locale]).sort()).toEqual(files.map((name) => name.replace(/\.json$/, "")).sort());
  });

  it.each(LOCALES)("%s: every counted phrase has the plural forms its language needs, each with {{count}}", (locale) => {
    const counted = [...new Set([...english.keys()].filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, "")))];
    const forms = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const key of counted) {
      for (const form of forms) expect(placeholders(flat[locale]!.get(`${key}_${form}`) ?? ""), `${locale}:${key}_${form}`).toContain("count");
    }
  });

  it("sr-Latn is exactly the transliteration of sr-Cyrl (regenerate with `pnpm --filter @vigil/i18n latin`)", () => {
    expect(resources["sr-Latn"].translation).toEqual(transliterateResource(resources["sr-Cyrl"].translation));
  });

  it("every key the code asks for exists", async () => {
    const used = new Set<string>();
    for (const dir of ["apps/web/app", "packages/api/src", "packages/email/src"]) {
      for (const file of await sourceFiles(path.join(repoRoot, dir))) {
        const text = await readFile(file, "utf8");
        for (const match of text.matchAll(/\bt\(\s*["'`]([a-zA-Z][\w.]*)["'`]/g)) used.add(match[1]!);
        for (const match of text.matchAll(/\bfail\([^,]+,\s*"([\w.]+)"/g)) used.add(match[1]!);
      }
    }
    const missing = [...used].filter((key) => !english.has(key) && !english.has(`${key}_other`));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(10);
  });
});

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith(".test.ts") && !e.parentPath.includes("node_modules"))
    .map((e) => path.join(e.parentPath, e.name));
}

describe("localeNames", () => {
  it("names each stored language in itself and shows an unknown code as it is", () => {
    expect(localeNames(["sr-Cyrl", "en"])).toBe("Српски (ћирилица), English");
    expect(localeNames(["de"])).toBe("de");
    expect(localeNames([])).toBe("");
  });
});
