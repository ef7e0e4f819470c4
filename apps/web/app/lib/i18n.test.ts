import { INTL_LOCALE, LOCALES, type Locale, type Translation } from "@vigil/i18n";
import { describe, expect, it, vi } from "vitest";
import { documentLocale, loadLocale } from "./i18n";

describe("client i18n", () => {
  it("reads the page's locale back from <html lang>", () => {
    for (const locale of LOCALES) expect(documentLocale(INTL_LOCALE[locale])).toBe(locale);
    expect(documentLocale("de-DE")).toBe("en");
  });

  it("loads a language once and translates in it, Serbian Latin included", async () => {
    const latin = await loadLocale("sr-Latn");
    expect(await loadLocale("sr-Latn")).toBe(latin);
    expect(latin.language).toBe("sr-Latn");
    expect(latin.t("nav.home")).toMatch(/^[\p{Script=Latin}\s]+$/u);
    const ukrainian = await loadLocale("uk");
    expect(ukrainian.t("nav.home")).toMatch(/^[\p{Script=Cyrillic}\s]+$/u);
  });

  it("tries a language's download again after it failed", async () => {
    vi.resetModules();
    let fail = true;
    vi.doMock("@vigil/i18n", async (importOriginal) => {
      const original = await importOriginal<{ loadTranslation: (locale: Locale) => Promise<Translation> }>();
      return { ...original, loadTranslation: (locale: Locale) => (fail ? Promise.reject(new Error("chunk failed")) : original.loadTranslation(locale)) };
    });
    const fresh = await import("./i18n");
    await expect(fresh.loadLocale("uk")).rejects.toThrow("chunk failed");
    fail = false;
    expect((await fresh.loadLocale("uk")).language).toBe("uk");
    vi.doUnmock("@vigil/i18n");
    vi.resetModules();
  });
});
