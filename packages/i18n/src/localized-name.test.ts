import { describe, expect, it } from "vitest";
import { localizedName } from "./localized-name.ts";

describe("localizedName", () => {
  const prison = { name: "Belgrade District Prison", nameTranslations: { uk: "Окружний затвор у Београду", "sr-Cyrl": "Окружни затвор у Београду" } };

  it("is the translation into the reader's language when there is one", () => {
    expect(localizedName(prison, "uk")).toBe("Окружний затвор у Београду");
    expect(localizedName(prison, "sr-Cyrl")).toBe("Окружни затвор у Београду");
  });

  it("falls back to the primary name, without transliterating the other Serbian script", () => {
    expect(localizedName(prison, "en")).toBe("Belgrade District Prison");
    expect(localizedName(prison, "sr-Latn")).toBe("Belgrade District Prison");
  });

  it("ignores missing, empty or malformed translations", () => {
    expect(localizedName({ name: "Police Department Niš" }, "uk")).toBe("Police Department Niš");
    expect(localizedName({ name: "A", nameTranslations: null }, "uk")).toBe("A");
    expect(localizedName({ name: "A", nameTranslations: ["uk"] }, "uk")).toBe("A");
    expect(localizedName({ name: "A", nameTranslations: { uk: " " } }, "uk")).toBe("A");
    expect(localizedName({ name: "A", nameTranslations: { uk: 7 } }, "uk")).toBe("A");
  });
});
