import { describe, expect, it } from "vitest";
import { chooseLocale, fromAcceptLanguage } from "./detect.ts";
import { serbianCyrillicToLatin } from "./serbian-script.ts";
import { formatDate, formatNumber } from "./format.ts";

describe("choosing the interface language", () => {
  it("prefers the user's profile, then the cookie, then the browser", () => {
    expect(chooseLocale({ userPreference: "uk", cookie: "sr-Latn", acceptLanguage: "en" })).toBe("uk");
    expect(chooseLocale({ userPreference: null, cookie: "sr-Latn", acceptLanguage: "uk" })).toBe("sr-Latn");
    expect(chooseLocale({ cookie: "klingon", acceptLanguage: "uk-UA,uk;q=0.9" })).toBe("uk");
    expect(chooseLocale({})).toBe("en");
  });

  it.each([
    ["sr-RS,sr;q=0.9,en;q=0.8", "sr-Cyrl"],
    ["sr-Latn-RS", "sr-Latn"],
    ["hr-HR,en;q=0.5", "sr-Latn"],
    ["de-DE,uk;q=0.7,en;q=0.6", "uk"],
    ["en;q=0.4,sr;q=0.8", "sr-Cyrl"],
    ["de-DE,fr;q=0.9", null],
    ["", null],
  ])("maps Accept-Language %j to %s", (header, locale) => {
    expect(fromAcceptLanguage(header)).toBe(locale);
  });
});

describe("Serbian scripts", () => {
  it("transliterates Cyrillic to Latin, including digraphs and capitals", () => {
    expect(serbianCyrillicToLatin("Заштитник грађана — Љубљана, Њиве, Џеп, ЉУБАВ")).toBe("Zaštitnik građana — Ljubljana, Njive, Džep, LJUBAV");
    expect(serbianCyrillicToLatin("Vigil-у {{time}}")).toBe("Vigil-u {{time}}");
  });
});

describe("formatting for the locale", () => {
  it("formats dates and numbers the way each language writes them", () => {
    const date = new Date(Date.UTC(2014, 5, 12, 12));
    expect(formatDate("en", date, "long")).toBe("12 June 2014");
    expect(formatDate("uk", date, "long")).toBe("12 червня 2014 р.");
    // The month after a day is in the genitive in Serbian ("12. јуна", not ICU's "12. јун").
    expect(formatDate("sr-Cyrl", date, "long")).toBe("12. јуна 2014.");
    expect(formatDate("sr-Latn", date, "long")).toBe("12. juna 2014.");
    expect(formatDate("sr-Cyrl", new Date(Date.UTC(2026, 11, 2)), "long", "UTC")).toBe("2. децембра 2026.");
    expect(formatDate("sr-Cyrl", new Date(Date.UTC(2026, 11, 2)), "full", "UTC")).toBe("среда, 2. децембра 2026.");
    expect(formatNumber("en", 25000.5)).toBe("25,000.5");
    expect(formatNumber("sr-Latn", 25000.5)).toBe("25.000,5");
  });
});
