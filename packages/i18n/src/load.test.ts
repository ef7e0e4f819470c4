import { describe, expect, it, vi } from "vitest";
import { loadTranslation } from "./load.ts";

// Every language module but Ukrainian is replaced by a stand-in that notes its import, so the test
// sees which languages loading one language pulls in (a bundler makes one chunk of each module).
const imported = vi.hoisted(() => [] as string[]);
vi.mock("../locales/en.ts", () => {
  imported.push("en");
  return { default: { core: { marker: "en" } } };
});
vi.mock("../locales/sr-Cyrl.ts", () => {
  imported.push("sr-Cyrl");
  return { default: { core: { marker: "sr-Cyrl" } } };
});
vi.mock("../locales/sr-Latn.ts", () => {
  imported.push("sr-Latn");
  return { default: { core: { marker: "sr-Latn" } } };
});

describe("loadTranslation", () => {
  it("loading Ukrainian imports the Ukrainian files and no other language's", async () => {
    const translation = await loadTranslation("uk");
    expect(imported).toEqual([]);
    expect(Object.keys(translation)).toEqual(expect.arrayContaining(["app", "nav", "visits", "dashboard"]));
    expect((translation.nav as Record<string, string>).home).toMatch(/[а-яіїєґ]/i);
  });

  it("each language comes from its own module", async () => {
    for (const locale of ["en", "sr-Cyrl", "sr-Latn"] as const) {
      imported.length = 0;
      expect(await loadTranslation(locale)).toEqual({ marker: locale });
      expect(imported).toEqual([locale]);
    }
  });
});
