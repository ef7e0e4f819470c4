import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "./locales.ts";
import { serbianCyrillicToLatin } from "./serbian-script.ts";
import { resources, translator } from "./translator.ts";

// packages/i18n/GLOSSARY.md is the one list of key terms; this test holds the locale files to it.
const glossary = readFileSync(new URL("../GLOSSARY.md", import.meta.url), "utf8");

/** The rows of the Markdown table under `## heading`, as cells (the header and its rule left out). */
function tableRows(heading: string): string[][] {
  const section = glossary.split(/^## /m).find((part) => part.startsWith(heading));
  if (!section) throw new Error(`GLOSSARY.md has no section "${heading}"`);
  return section
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(2)
    .map((line) => line.split("|").slice(1, -1).map((cell) => cell.trim()));
}

const terms = tableRows("Terms").map(([term, key, en, cyrillic, uk]) => ({
  term: term!,
  key: key!.replace(/`/g, ""),
  words: { en: en!, "sr-Cyrl": cyrillic!, "sr-Latn": serbianCyrillicToLatin(cyrillic!), uk: uk! } as Record<Locale, string>,
}));

/** Words ruled out per language; a Serbian word is ruled out in both scripts. */
const avoided = tableRows("Words not to use").flatMap(([language, word]) =>
  language === "sr-Cyrl" ? [{ locale: "sr-Cyrl" as Locale, word: word! }, { locale: "sr-Latn" as Locale, word: serbianCyrillicToLatin(word!) }] : [{ locale: language as Locale, word: word! }],
);

function strings(tree: unknown, prefix = ""): [string, string][] {
  if (typeof tree === "string") return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) => strings(value, prefix ? `${prefix}.${key}` : key));
}

describe("GLOSSARY.md", () => {
  it("lists the roles and the key nouns", () => {
    expect(terms.map((row) => row.key)).toEqual(expect.arrayContaining(["roles.owner", "roles.admin", "roles.coordinator", "roles.monitor", "roles.viewer"]));
    expect(terms.length).toBeGreaterThan(10);
    expect(avoided.length).toBeGreaterThan(2);
  });

  it.each(LOCALES)("%s says each key term with the glossary's word", (locale) => {
    const t = translator(locale);
    const wrong = terms.filter((row) => t(row.key) !== row.words[locale]).map((row) => `${row.key}: "${t(row.key)}", glossary: "${row.words[locale]}"`);
    expect(wrong).toEqual([]);
  });

  it("keeps the read-only role apart from the monitor in every language", () => {
    for (const locale of LOCALES) {
      const t = translator(locale);
      expect(t("roles.viewer").toLowerCase()).not.toBe(t("roles.monitor").toLowerCase());
    }
  });

  it.each(LOCALES)("%s uses none of the words the glossary rules out", (locale) => {
    const words = avoided.filter((row) => row.locale === locale).map((row) => row.word.toLowerCase());
    const found = strings(resources[locale].translation).filter(([, text]) => words.some((word) => text.toLowerCase().includes(word)));
    expect(found).toEqual([]);
  });
});
