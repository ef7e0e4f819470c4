import { describe, expect, it } from "vitest";
import { TEST_CONTENT } from "../testing/checklist.ts";
import { chooseContentLanguage, localizeChecklist } from "./localize.ts";

describe("chooseContentLanguage", () => {
  it("shows the reader's language when the template has it", () => {
    expect(chooseContentLanguage(["en", "sr-Cyrl"], "sr-Cyrl")).toEqual({ source: "sr-Cyrl", shown: "sr-Cyrl", isFallback: false });
  });
  it("transliterates Serbian Cyrillic for a Latin reader, without calling it a fallback", () => {
    expect(chooseContentLanguage(["en", "sr-Cyrl"], "sr-Latn")).toEqual({ source: "sr-Cyrl", shown: "sr-Latn", isFallback: false });
  });
  it("falls back to the template's first language, labelled", () => {
    expect(chooseContentLanguage(["sr-Cyrl", "en"], "uk")).toEqual({ source: "sr-Cyrl", shown: "sr-Cyrl", isFallback: true });
  });
});

describe("localizeChecklist", () => {
  it("gives a Latin reader the Cyrillic text in Latin letters, and falls back per text where a translation is missing", () => {
    const view = localizeChecklist(TEST_CONTENT, ["en", "sr-Cyrl"], "sr-Latn");
    expect(view.sections[0]?.title).toBe("Evidencija o zadržavanju");
    expect(view.sections[0]?.questions[0]).toMatchObject({ text: "Da li je evidencija potpuna?", standard: "CPT/Inf(2002)15, §40", guidance: "Compare with the persons present." });
    expect(view.sections[1]?.title).toBe("Material conditions");
  });
});
