import { isDeepStrictEqual } from "node:util";
import type { Question, Section, TemplateContent } from "../templates/content.ts";

/**
 * What changed between two versions of a published template (the version an importer last took and
 * the publisher's newer one), section by section and question by question. Ids are stable across
 * versions (docs/template-format.md), so a question is "the same" when its id is.
 */
type ChangeKind = "added" | "removed" | "changed";
export type TemplateChange =
  | { key: string; target: "section"; kind: ChangeKind; sectionId: string; before: Section | null; after: Section | null }
  | { key: string; target: "question"; kind: ChangeKind; sectionId: string; questionId: string; before: Question | null; after: Question | null };

type Content = TemplateContent | { sections: Section[] };

const sectionHead = (section: Section) => ({ id: section.id, title: section.title });
const questionsOf = (content: Content) => new Map(content.sections.flatMap((s) => s.questions.map((q) => [q.id, { question: q, sectionId: s.id }] as const)));

export function diffTemplates(base: Content, next: Content): TemplateChange[] {
  const changes: TemplateChange[] = [];
  const baseSections = new Map(base.sections.map((s) => [s.id, s]));
  const nextSections = new Map(next.sections.map((s) => [s.id, s]));
  for (const section of next.sections) {
    const before = baseSections.get(section.id);
    if (!before) changes.push({ key: `section:${section.id}`, target: "section", kind: "added", sectionId: section.id, before: null, after: section });
    else if (!isDeepStrictEqual(sectionHead(before), sectionHead(section))) changes.push({ key: `section:${section.id}`, target: "section", kind: "changed", sectionId: section.id, before, after: section });
  }
  for (const section of base.sections) {
    if (!nextSections.has(section.id)) changes.push({ key: `section:${section.id}`, target: "section", kind: "removed", sectionId: section.id, before: section, after: null });
  }
  const baseQuestions = questionsOf(base);
  const nextQuestions = questionsOf(next);
  for (const [id, { question, sectionId }] of nextQuestions) {
    const before = baseQuestions.get(id);
    // An added section brings its questions with it: they are not listed twice.
    if (!before) {
      if (baseSections.has(sectionId)) changes.push({ key: `question:${id}`, target: "question", kind: "added", sectionId, questionId: id, before: null, after: question });
    } else if (!isDeepStrictEqual(before.question, question) || before.sectionId !== sectionId) {
      changes.push({ key: `question:${id}`, target: "question", kind: "changed", sectionId, questionId: id, before: before.question, after: question });
    }
  }
  for (const [id, { question, sectionId }] of baseQuestions) {
    if (!nextQuestions.has(id) && nextSections.has(sectionId)) changes.push({ key: `question:${id}`, target: "question", kind: "removed", sectionId, questionId: id, before: question, after: null });
  }
  return changes;
}

/**
 * Whether the importer's own copy differs from the base at this change (they edited or translated
 * it): the merge screen warns that taking the change replaces their edit.
 */
export function editedLocally(current: Content, base: Content, change: TemplateChange): boolean {
  if (change.target === "section") {
    const mine = current.sections.find((s) => s.id === change.sectionId);
    const theirs = base.sections.find((s) => s.id === change.sectionId);
    return !isDeepStrictEqual(mine && sectionHead(mine), theirs && sectionHead(theirs));
  }
  return !isDeepStrictEqual(questionsOf(current).get(change.questionId)?.question, questionsOf(base).get(change.questionId)?.question);
}

/**
 * The importer's content with the chosen changes taken over, everything else kept as they have it.
 * A taken question replaces theirs whole, in the language the publisher wrote: a translation they made
 * of the old text is dropped, so publishing asks for it again rather than keeping a stale one
 * (decision 0112).
 */
export function takeChanges(current: Content, next: Content, changes: TemplateChange[], taken: ReadonlySet<string>): { sections: Section[] } {
  let sections: Section[] = current.sections.map((s) => ({ ...s, questions: [...s.questions] }));
  for (const change of changes) {
    if (!taken.has(change.key)) continue;
    if (change.target === "section") {
      if (change.kind === "removed") sections = sections.filter((s) => s.id !== change.sectionId);
      else if (change.kind === "changed") sections = sections.map((s) => (s.id === change.sectionId ? { ...s, title: change.after!.title } : s));
      else if (!sections.some((s) => s.id === change.sectionId)) {
        const index = next.sections.findIndex((s) => s.id === change.sectionId);
        const after = sections.findIndex((s) => s.id === next.sections[index - 1]?.id);
        sections.splice(after + 1, 0, { ...change.after!, questions: [...change.after!.questions] });
      }
      continue;
    }
    // Remove the question wherever the importer has it, then put the new one where the publisher has it.
    const position = sections.flatMap((s) => s.questions.map((q, i) => ({ sectionId: s.id, i, id: q.id }))).find((q) => q.id === change.questionId);
    sections = sections.map((s) => ({ ...s, questions: s.questions.filter((q) => q.id !== change.questionId) }));
    if (change.kind === "removed") continue;
    const target = sections.find((s) => s.id === change.sectionId) ?? sections.find((s) => s.id === position?.sectionId);
    if (!target) continue;
    if (position && position.sectionId === target.id) target.questions.splice(position.i, 0, change.after!);
    else {
      const nextSection = next.sections.find((s) => s.id === change.sectionId)!;
      const previousId = nextSection.questions[nextSection.questions.findIndex((q) => q.id === change.questionId) - 1]?.id;
      const after = target.questions.findIndex((q) => q.id === previousId);
      target.questions.splice(after + 1, 0, change.after!);
    }
  }
  return { sections };
}
