import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LOCALE_FILES } from "../locales/index.ts";
import { formatDate, formatDateTime } from "./format.ts";
import { INTL_LOCALE, LOCALES, localeNames, type Locale } from "./locales.ts";
import { transliterateResource } from "./serbian-script.ts";
import { resources, translator } from "./translator.ts";

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

/** i18next's plural suffixes (JSON v4): `key_one`, `key_few`, ... as Intl.PluralRules names them. */
const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;
/** A key as the code asks for it: a plural form stands for its base key. */
const baseKey = (key: string) => PLURAL.exec(key)?.[1] ?? key;
const baseKeys = (locale: Locale) => new Set([...flat[locale]!.keys()].map(baseKey));
/** The text to compare placeholders with: the key itself, or its `_other` form. */
const englishText = (key: string) => english.get(key) ?? english.get(`${baseKey(key)}_other`)!;

/** Interpolation placeholders such as {{time}}. */
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe("locale files", () => {
  it.each(LOCALES)("%s has exactly the keys of English (plural forms aside), none empty", (locale) => {
    const keys = flat[locale]!;
    expect([...baseKeys(locale)].sort()).toEqual([...baseKeys("en")].sort());
    for (const [key, value] of keys) expect(value.trim(), `${locale}:${key}`).not.toBe("");
  });

  it.each(LOCALES)("%s keeps every placeholder of the English text", (locale) => {
    for (const [key, value] of flat[locale]!) expect(placeholders(value), `${locale}:${key}`).toEqual(placeholders(englishText(key)));
  });

  it.each(LOCALES)("%s: every counted phrase ({{count}}) has exactly the plural forms its language needs", (locale) => {
    const needed = new Intl.PluralRules(INTL_LOCALE[locale]).resolvedOptions().pluralCategories.slice().sort();
    const forms = new Map<string, string[]>();
    for (const [key, value] of flat[locale]!) {
      const match = PLURAL.exec(key);
      if (match) forms.set(match[1]!, [...(forms.get(match[1]!) ?? []), match[2]!]);
      else expect(placeholders(value), `${locale}:${key} counts ({{count}}) but has no plural forms`).not.toContain("count");
    }
    expect(forms.size).toBeGreaterThan(10);
    for (const [base, have] of forms) expect(have.sort(), `${locale}:${base}`).toEqual(needed);
  });

  it.each(LOCALES)("%s: no date is followed by a full stop of the text's own (\"12. 6. 2014..\")", (locale) => {
    // Serbian dates end in a full stop and Ukrainian ones in "р.": a string may put nothing after them.
    const day = new Date(Date.UTC(2026, 11, 9));
    const dates = [formatDate(locale, day), formatDate(locale, day, "long"), formatDateTime(locale, day)];
    const DATE_PLACEHOLDERS = new Set(["date", "dates", "time", "start", "end", "month"]);
    const doubled: string[] = [];
    for (const [key, value] of flat[locale]!) {
      for (const date of dates) {
        const text = value.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => (DATE_PLACEHOLDERS.has(name) ? date : "x"));
        if (/\.\.(?!\.)/.test(text.replace(/\.\.\./g, "…"))) doubled.push(`${key}: ${text}`);
      }
    }
    expect(doubled).toEqual([]);
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
    const counted = [...new Set([...english.keys()].filter((key) => PLURAL.test(key)).map(baseKey))];
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

describe("plural forms", () => {
  it("counts in each language's own forms", () => {
    const uk = translator("uk");
    expect([41, 42, 45, 11].map((count) => uk("forums.percent", { count }))).toEqual(["41 відсоток", "42 відсотки", "45 відсотків", "11 відсотків"]);
    expect([1, 3, 5].map((count) => translator("sr-Latn")("forums.notEnough", { count }))).toEqual([
      "Nema dovoljno učesnika: podaci se pojavljuju kada doprinosi najmanje 1 radni prostor.",
      "Nema dovoljno učesnika: podaci se pojavljuju kada doprinosi najmanje 3 radna prostora.",
      "Nema dovoljno učesnika: podaci se pojavljuju kada doprinosi najmanje 5 radnih prostora.",
    ]);
    expect(translator("en")("joint.visit.evidence", { count: 1 })).toBe("1 evidence file");
  });
});

describe("localeNames", () => {
  it("names each stored language in itself and shows an unknown code as it is", () => {
    expect(localeNames(["sr-Cyrl", "en"])).toBe("Српски (ћирилица), English");
    expect(localeNames(["de"])).toBe("de");
    expect(localeNames([])).toBe("");
  });
});
