import { describe, expect, it } from "vitest";
import { pageTitle } from "./locale";

/** Page titles name the thing a page is about, not only the kind of page (issue 16 §6). */
describe("pageTitle", () => {
  const matches = (locale: string) => [{ id: "root", loaderData: { locale, user: null } }];

  it("puts the subject between the page and the app's name", () => {
    expect(pageTitle(matches("en"), "report.recommendationHeading", { number: "3" }, () => "Police Department Kruševac, 12 Jun 2014")).toEqual([
      { title: "Recommendation 3 — Police Department Kruševac, 12 Jun 2014 — Vigil" },
    ]);
  });

  it("gives the subject the reader's locale, and leaves out a missing one", () => {
    expect(pageTitle(matches("uk"), "report.metaTitle", {}, (locale) => locale)[0]!.title).toMatch(/ — uk — /);
    expect(pageTitle(matches("en"), "report.metaTitle", {}, () => undefined)).toEqual([{ title: "Report — Vigil" }]);
    expect(pageTitle(matches("en"), "report.metaTitle")).toEqual([{ title: "Report — Vigil" }]);
  });

  it("fills the page's words in the reader's language: a place named in it (decision 0198)", () => {
    const place = { name: "Окружни затвор у Београду", nameTranslations: { en: "Belgrade District Prison" } as Record<string, string> };
    const title = (locale: string) => pageTitle(matches(locale), "visitDetail.title", (reader) => ({ place: place.nameTranslations[reader] ?? place.name }))[0]!.title;
    expect(title("en")).toContain("Belgrade District Prison");
    expect(title("sr-Cyrl")).toContain("Окружни затвор у Београду");
  });
});
