import { describe, expect, it } from "vitest";
import type { TemplateContent } from "../templates/content.ts";
import { diffTemplates, editedLocally, takeChanges } from "./template-diff.ts";

const q = (id: string, en = id) => ({ id, kind: "yes_no_na" as const, text: { en } });
const base: TemplateContent = { sections: [{ id: "a", title: { en: "A" }, questions: [q("a1"), q("a2")] }, { id: "b", title: { en: "B" }, questions: [q("b1")] }] };
const next: TemplateContent = {
  sections: [
    { id: "a", title: { en: "A, renamed" }, questions: [q("a2", "a2 reworded"), q("a3")] },
    { id: "c", title: { en: "C" }, questions: [q("c1")] },
  ],
};

describe("template diff", () => {
  it("lists added, removed and changed sections and questions, a new or removed section's questions once", () => {
    expect(diffTemplates(base, next).map((c) => `${c.kind} ${c.key}`).sort()).toEqual([
      "added question:a3", "added section:c", "changed question:a2", "changed section:a", "removed question:a1", "removed section:b",
    ]);
    expect(diffTemplates(base, base)).toEqual([]);
  });

  it("takes only the chosen changes and keeps the importer's own content elsewhere", () => {
    const mine: TemplateContent = { sections: [{ ...base.sections[0]!, questions: [q("a1", "mine"), q("a2"), q("own")] }, base.sections[1]!] };
    const changes = diffTemplates(base, next);
    expect(editedLocally(mine, base, changes.find((c) => c.key === "question:a1")!)).toBe(true);
    expect(editedLocally(mine, base, changes.find((c) => c.key === "question:a2")!)).toBe(false);
    const merged = takeChanges(mine, next, changes, new Set(["question:a2", "question:a3", "section:c"]));
    expect(merged.sections.map((s) => [s.id, s.title.en, s.questions.map((x) => x.text.en)])).toEqual([
      ["a", "A", ["mine", "a2 reworded", "a3", "own"]],
      // An added section goes after the section that precedes it at the publisher.
      ["c", "C", ["c1"]],
      ["b", "B", ["b1"]],
    ]);
    const all = takeChanges(mine, next, changes, new Set(changes.map((c) => c.key)));
    expect(all.sections.map((s) => [s.id, s.questions.map((x) => x.id)])).toEqual([["a", ["a2", "a3", "own"]], ["c", ["c1"]]]);
  });
});
