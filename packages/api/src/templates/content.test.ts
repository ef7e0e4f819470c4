import { describe, expect, it } from "vitest";
import { answerValueSchema, findQuestion, templateContent, type TemplateContent } from "./content.ts";

const content: TemplateContent = {
  sections: [
    {
      id: "custody-records",
      title: { en: "Custody records", "sr-Cyrl": "Евиденција о задржавању" },
      questions: [
        { id: "register-complete", kind: "yes_no_na", text: { en: "Is there one complete record per person?" }, standard: "CPT/Inf(2002)15, §40" },
        { id: "arrival-time", kind: "date", text: { en: "Date of the oldest entry checked" } },
        { id: "cell-count", kind: "number", text: { en: "Cells in use" } },
        { id: "rights-language", kind: "multiple_choice", text: { en: "Languages of the rights leaflet" }, options: [{ id: "sr", label: { en: "Serbian" } }, { id: "en", label: { en: "English" } }] },
      ],
    },
  ],
};

describe("template content", () => {
  it("accepts a well-formed template", () => {
    expect(templateContent.parse(content)).toEqual(content);
  });

  it("refuses duplicate question ids, missing options and text in no language", () => {
    const duplicate = structuredClone(content);
    duplicate.sections[0]!.questions.push({ ...duplicate.sections[0]!.questions[0]! });
    expect(templateContent.safeParse(duplicate).success).toBe(false);
    expect(templateContent.safeParse({ sections: [{ id: "s", title: { en: "S" }, questions: [{ id: "q", kind: "single_choice", text: { en: "Q" } }] }] }).success).toBe(false);
    expect(templateContent.safeParse({ sections: [{ id: "s", title: {}, questions: [] }] }).success).toBe(false);
  });

  it("validates each answer against its question's kind", () => {
    const check = (id: string, value: unknown) => answerValueSchema(findQuestion(content, id)!).safeParse(value).success;
    expect(check("register-complete", "no")).toBe(true);
    expect(check("register-complete", "maybe")).toBe(false);
    expect(check("arrival-time", "2014-06-12")).toBe(true);
    expect(check("arrival-time", "12.06.2014")).toBe(false);
    expect(check("cell-count", 4)).toBe(true);
    expect(check("cell-count", "4")).toBe(false);
    expect(check("rights-language", ["sr"])).toBe(true);
    expect(check("rights-language", ["de"])).toBe(false);
  });
});
