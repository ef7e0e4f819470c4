import { describe, expect, it } from "vitest";
import { moveQuestion, moveSection, removeQuestion, removeSection, saveQuestion, saveSection, type DraftContent } from "./draft-operations.ts";

const base: DraftContent = {
  sections: [
    { id: "facility", title: { en: "Facility" }, questions: [{ id: "capacity", kind: "number", text: { en: "Capacity" } }, { id: "cells", kind: "number", text: { en: "Cells" } }] },
    { id: "lawyer", title: { en: "Access to a lawyer" }, questions: [] },
  ],
};

describe("draft operations", () => {
  it("add, rename, move and remove sections", () => {
    const added = saveSection(base, null, { en: "Doctor" });
    expect(added.sections.map((s) => s.title.en)).toEqual(["Facility", "Access to a lawyer", "Doctor"]);
    expect(added.sections[2]!.id).toMatch(/^s-[0-9a-f]{8}$/);
    expect(saveSection(base, "lawyer", { en: "Lawyer" }).sections[1]!.title.en).toBe("Lawyer");
    expect(moveSection(base, "lawyer", "up").sections.map((s) => s.id)).toEqual(["lawyer", "facility"]);
    expect(moveSection(base, "facility", "up")).toEqual(base);
    expect(removeSection(base, "facility").sections.map((s) => s.id)).toEqual(["lawyer"]);
  });

  it("add, edit (keeping the id), move and remove questions", () => {
    const added = saveQuestion(base, "lawyer", { kind: "yes_no_na", text: { en: "From the outset?" } });
    expect(added.sections[1]!.questions[0]).toMatchObject({ kind: "yes_no_na", text: { en: "From the outset?" } });
    const edited = saveQuestion(base, "facility", { id: "cells", kind: "short_text", text: { en: "Cells in use" } });
    expect(edited.sections[0]!.questions[1]).toEqual({ id: "cells", kind: "short_text", text: { en: "Cells in use" } });
    expect(moveQuestion(base, "cells", "up").sections[0]!.questions.map((q) => q.id)).toEqual(["cells", "capacity"]);
    expect(moveQuestion(base, "cells", "down")).toEqual(base);
    expect(removeQuestion(base, "capacity").sections[0]!.questions.map((q) => q.id)).toEqual(["cells"]);
  });
});
