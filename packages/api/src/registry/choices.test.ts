import { describe, expect, it } from "vitest";
import { authorityKindSchema, placeTypeSchema } from "../core/schemas.ts";
import { section } from "../templates/content.ts";
import { QUESTION_KINDS } from "../templates/question-kinds.ts";
import { ARCHIVE_FILTERS, AUTHORITY_KINDS, PLACE_TYPES } from "./choices.ts";
import { placeListSchema } from "./inputs.ts";

/**
 * The browser's zod-free lists (issue 15) offer exactly what the schemas accept: a choice the form
 * shows but the server refuses, or one it accepts but no form offers, would be a silent bug.
 */
describe("zod-free choices", () => {
  it("equal the schemas' enums, in the same order", () => {
    expect(PLACE_TYPES).toEqual(placeTypeSchema.options);
    expect(AUTHORITY_KINDS).toEqual(authorityKindSchema.options);
    expect(ARCHIVE_FILTERS).toEqual(placeListSchema.shape.archived.unwrap().options);
  });

  it("lists every question kind the template schema accepts, and no other", () => {
    // Other rules tie options to some kinds; only the kind itself is under test here.
    const accepts = (kind: string) => {
      const parsed = section.safeParse({ id: "s", title: { en: "S" }, questions: [{ id: "q", kind, text: { en: "Q" } }] });
      return !parsed.error?.issues.some((issue) => issue.path.at(-1) === "kind");
    };
    for (const kind of QUESTION_KINDS) expect(accepts(kind), kind).toBe(true);
    expect(accepts("free_drawing")).toBe(false);
  });
});
