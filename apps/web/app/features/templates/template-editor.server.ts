import { draftOperations, QUESTION_KINDS, type Question, type TemplateContent } from "@vigil/api";
import type { Locale } from "@vigil/i18n";
import { z } from "zod";
import { parseForm } from "../../lib/parse-form.server";

type Localized = Partial<Record<Locale, string>>;

function localized(form: FormData, field: string, languages: readonly Locale[]): Localized {
  const text: Localized = {};
  for (const language of languages) {
    const value = String(form.get(`${field}:${language}`) ?? "").trim();
    if (value) text[language] = value;
  }
  return text;
}

/**
 * Choices are typed one per line in each language; line n is the same choice in every language, and
 * keeps the id it had, so editing a label does not turn it into another choice.
 */
function options(form: FormData, languages: readonly Locale[], previous: Question["options"]): Question["options"] {
  const lines = Object.fromEntries(languages.map((l) => [l, String(form.get(`options:${l}`) ?? "").split("\n").map((s) => s.trim()).filter(Boolean)]));
  const count = Math.max(0, ...Object.values(lines).map((l) => l.length));
  if (count === 0) return undefined;
  return Array.from({ length: count }, (_, i) => ({
    id: previous?.[i]?.id ?? draftOperations.newContentId("o"),
    label: Object.fromEntries(languages.filter((l) => lines[l]![i]).map((l) => [l, lines[l]![i]!])) as Localized,
  }));
}

/** Applies one editor form's change to the draft's content, in the draft's languages. */
type Edit = (content: TemplateContent, languages: readonly Locale[]) => TemplateContent;

/**
 * The editor's forms, one handler per intent for the version page's dispatchIntent (which adds its
 * settings form); `save` loads the draft, applies the edit and stores it.
 */
export function editorHandlers<R>(form: FormData, save: (edit: Edit) => R) {
  const sectionId = String(form.get("sectionId") ?? "");
  const questionId = String(form.get("questionId") ?? "");
  const direction = form.get("direction") === "up" ? "up" : "down";
  const ops = draftOperations;
  return {
    saveSection: () => save((content, languages) => ops.saveSection(content, sectionId || null, localized(form, "title", languages)) as TemplateContent),
    removeSection: () => save((content) => ops.removeSection(content, sectionId) as TemplateContent),
    moveSection: () => save((content) => ops.moveSection(content, sectionId, direction) as TemplateContent),
    saveQuestion: () =>
      save((content, languages) => {
        const previous = content.sections.flatMap((s) => s.questions).find((q) => q.id === questionId);
        const { kind } = parseForm(form, z.object({ kind: z.enum(QUESTION_KINDS) }));
        const guidance = localized(form, "guidance", languages);
        const standard = String(form.get("standard") ?? "").trim();
        const question = {
          id: questionId || undefined,
          kind,
          text: localized(form, "text", languages),
          ...(Object.keys(guidance).length ? { guidance } : {}),
          ...(standard ? { standard } : {}),
          ...(kind === "single_choice" || kind === "multiple_choice" ? { options: options(form, languages, previous?.options) } : {}),
        };
        return ops.saveQuestion(content, sectionId, question as Omit<Question, "id">) as TemplateContent;
      }),
    removeQuestion: () => save((content) => ops.removeQuestion(content, questionId) as TemplateContent),
    moveQuestion: () => save((content) => ops.moveQuestion(content, questionId, direction) as TemplateContent),
  };
}
