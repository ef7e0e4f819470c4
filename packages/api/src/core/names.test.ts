import { describe, expect, it } from "vitest";
import { boundedNameSchema, isSafeName, nameSchema } from "./names.ts";

/** Names refuse what lets them pass for something else (issue 13 §3, decision 0157). */
describe("nameSchema", () => {
  const refused = {
    "a line feed": "NPM Serbia\nVigil: your account is locked",
    "a carriage return": "NPM Serbia\rVigil",
    "a next-line (U+0085)": "NPM Serbia\u0085Vigil",
    "a line separator (U+2028)": "NPM Serbia\u2028Vigil",
    "a paragraph separator (U+2029)": "NPM Serbia\u2029Vigil",
    "a tab": "NPM\tSerbia",
    "a NUL": "NPM\u0000Serbia",
    "an escape (terminal colours)": "NPM \u001b[31mSerbia",
    "a C1 control": "NPM\u009bSerbia",
    "a right-to-left override (U+202E)": "NPM Serbia \u202Eenilno.live",
    "a left-to-right embedding (U+202A)": "\u202ANPM Serbia",
    "a pop directional formatting (U+202C)": "NPM\u202C Serbia",
    "a first-strong isolate (U+2068)": "\u2068NPM Serbia\u2069",
    "a right-to-left isolate (U+2067)": "NPM \u2067Serbia",
    "a right-to-left mark (U+200F)": "NPM\u200F Serbia",
    "a zero-width space (U+200B)": "NPM\u200BSerbia",
    "a soft hyphen (U+00AD)": "NPM Ser\u00ADbia",
    "a word joiner (U+2060)": "NPM\u2060 Serbia",
    "a byte-order mark (U+FEFF)": "NPM\uFEFFSerbia",
    "a zero-width joiner (U+200D)": "NPM\u200DSerbia",
    "tag characters (U+E0000–U+E007F)": "NPM Serbia\u{E0041}\u{E0042}\u{E007F}",
    "a Hangul filler (U+3164)": "NPM\u3164Serbia",
    "a Hangul choseong filler (U+115F)": "NPM\u115FSerbia",
    "a Hangul jungseong filler (U+1160)": "NPM\u1160Serbia",
    "a half-width Hangul filler (U+FFA0)": "NPM\uFFA0Serbia",
    "an unassigned code point (U+0378)": "NPM\u0378Serbia",
    "a lone surrogate": "NPM\uD800Serbia",
    "only Hangul fillers": "\u3164\u3164",
    "only a zero-width space": "\u200B",
    "only a combining mark": "\u0301",
  };
  for (const [what, name] of Object.entries(refused)) {
    it(`refuses ${what}`, () => {
      const result = nameSchema.safeParse(name);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual(["validation.nameCharacters"]);
      expect(isSafeName(name)).toBe(false);
    });
  }

  it("accepts names in every script the app speaks, with punctuation, and trims them", () => {
    for (const name of ["Јелена Петровић", "Marko Jovanović", "Олена Коваленко", "Protector of Citizens — NPM Serbia", "O'Brien-Smith (NPM)", "ﺎﻠﻤﺣﺎﻤﻳ", "Šćepan Ђурђевић", "Ґалина Їжакевич", "Zoë Müller-Lüdenscheidt", "NPM №1 — Kyiv’s office", "李明"]) {
      expect(nameSchema.parse(`  ${name} `)).toBe(name);
    }
    // A trailing line break is whitespace and trimmed away; only what stays inside the name counts.
    expect(nameSchema.parse("NPM Serbia\n")).toBe("NPM Serbia");
  });

  it("keeps its length limits", () => {
    expect(boundedNameSchema(5).safeParse("abcdef").success).toBe(false);
    expect(nameSchema.safeParse("   ").success).toBe(false);
  });
});
