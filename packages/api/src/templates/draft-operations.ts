import { randomBytes } from "node:crypto";
import type { Question, Section } from "./content.ts";

/**
 * Edits the template editor makes to a draft's content, as pure functions: the page's form actions
 * apply one to the loaded draft and save the result with `templates.updateDraft`.
 */
export type DraftContent = { sections: Section[] };

/** A new content id; ids stay stable across versions, so answers keep pointing at their question. */
export function newContentId(prefix: "s" | "q" | "o"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

function move<T>(items: T[], index: number, direction: "up" | "down"): T[] {
  const target = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || target < 0 || target >= items.length) return items;
  const copy = [...items];
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}

export function saveSection(content: DraftContent, sectionId: string | null, title: Section["title"]): DraftContent {
  if (!sectionId) return { sections: [...content.sections, { id: newContentId("s"), title, questions: [] }] };
  return { sections: content.sections.map((s) => (s.id === sectionId ? { ...s, title } : s)) };
}

export function removeSection(content: DraftContent, sectionId: string): DraftContent {
  return { sections: content.sections.filter((s) => s.id !== sectionId) };
}

export function moveSection(content: DraftContent, sectionId: string, direction: "up" | "down"): DraftContent {
  return { sections: move(content.sections, content.sections.findIndex((s) => s.id === sectionId), direction) };
}

/** Adds a question to a section (no id yet) or replaces the question with the same id. */
export function saveQuestion(content: DraftContent, sectionId: string, question: Omit<Question, "id"> & { id?: string }): DraftContent {
  return {
    sections: content.sections.map((s) => {
      if (s.id !== sectionId) return s;
      if (!question.id) return { ...s, questions: [...s.questions, { ...question, id: newContentId("q") }] };
      return { ...s, questions: s.questions.map((q) => (q.id === question.id ? { ...question, id: q.id } : q)) };
    }),
  };
}

export function removeQuestion(content: DraftContent, questionId: string): DraftContent {
  return { sections: content.sections.map((s) => ({ ...s, questions: s.questions.filter((q) => q.id !== questionId) })) };
}

export function moveQuestion(content: DraftContent, questionId: string, direction: "up" | "down"): DraftContent {
  return {
    sections: content.sections.map((s) => {
      const index = s.questions.findIndex((q) => q.id === questionId);
      return index < 0 ? s : { ...s, questions: move(s.questions, index, direction) };
    }),
  };
}
