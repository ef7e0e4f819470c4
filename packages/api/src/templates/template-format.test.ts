import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { MessageParams } from "../core/errors.ts";
import { fieldPath, lineAndColumn, parseTemplateFile } from "./template-format.ts";

function problem(text: string) {
  try {
    parseTemplateFile(text);
    return null;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { key: error.message, params: (error.cause as MessageParams).params };
  }
}

describe("template file format", () => {
  it("writes field paths the way a reader finds them in the file", () => {
    expect(fieldPath(["sections", 2, "questions", 0, "kind"])).toBe("sections[2].questions[0].kind");
    expect(fieldPath([])).toBe("");
  });

  it("counts lines and columns from 1", () => {
    expect(lineAndColumn("{\n  \"a\": x", 9)).toEqual({ line: 2, column: 8 });
  });

  it("reports an unterminated file at its end", () => {
    expect(problem('{\n  "name": "X"')).toEqual({ key: "templateErrors.invalidJson", params: { line: 2, column: 14 } });
  });

  it("reports choices missing from a choice question by their path", () => {
    const file = { format: "vigil.checklist-template", formatVersion: 1, name: "X", languages: ["en"], sections: [{ id: "s", title: { en: "S" }, questions: [{ id: "q", kind: "single_choice", text: { en: "Q" } }] }] };
    expect(problem(JSON.stringify(file))).toEqual({ key: "templateErrors.invalidField", params: { field: "sections[0].questions[0].options" } });
  });
});
