import { describe, expect, it } from "vitest";
import { draftFrom, isAnswered, parseDraft, sameAnswer } from "./checklist-values";

describe("parseDraft", () => {
  it("reads numbers with a decimal comma or point, and refuses what is not a number", () => {
    expect(parseDraft("number", { values: ["7,5"], note: "" })).toEqual({ ok: true, value: 7.5, note: null });
    expect(parseDraft("number", { values: ["12"], note: " x " })).toEqual({ ok: true, value: 12, note: "x" });
    expect(parseDraft("number", { values: ["four"], note: "" })).toEqual({ ok: false });
  });
  it("clears an answer left empty", () => {
    expect(parseDraft("number", { values: [""], note: "" })).toEqual({ ok: true, value: null, note: null });
    expect(parseDraft("short_text", { values: ["  "], note: "" })).toEqual({ ok: true, value: null, note: null });
    expect(parseDraft("multiple_choice", { values: [], note: "" })).toEqual({ ok: true, value: null, note: null });
    expect(parseDraft("date", { values: [], note: "" })).toEqual({ ok: true, value: null, note: null });
  });
  it("keeps choices and texts as given", () => {
    expect(parseDraft("multiple_choice", { values: ["sr", "hu"], note: "" })).toEqual({ ok: true, value: ["sr", "hu"], note: null });
    expect(parseDraft("yes_no_na", { values: ["no"], note: "Two missing" })).toEqual({ ok: true, value: "no", note: "Two missing" });
    expect(parseDraft("long_text", { values: ["Line one\nline two"], note: "" })).toEqual({ ok: true, value: "Line one\nline two", note: null });
  });
});

describe("drafts and saved answers", () => {
  it("round-trip through the form's strings", () => {
    expect(parseDraft("number", draftFrom(4, null))).toEqual({ ok: true, value: 4, note: null });
    expect(parseDraft("multiple_choice", draftFrom(["a"], "n"))).toEqual({ ok: true, value: ["a"], note: "n" });
  });
  it("compare values and notes", () => {
    expect(sameAnswer({ value: ["a"], note: null }, { value: ["a"], note: null })).toBe(true);
    expect(sameAnswer({ value: "yes", note: null }, { value: "yes", note: "x" })).toBe(false);
    expect(isAnswered([])).toBe(false);
    expect(isAnswered(0)).toBe(true);
  });
});
