import { LOCALES } from "@vigil/i18n";
import { z } from "zod";
import { daySchema } from "../core/schemas.ts";
import { QUESTION_KINDS } from "./question-kinds.ts";

export { QUESTION_KINDS, type QuestionKind } from "./question-kinds.ts";

/**
 * The content of a checklist template version, and the answers a visit gives to it. Shared by the
 * template editor (which writes it), the import/export format (which wraps it, see
 * docs/template-format.md) and the visit checklist (which reads questions and validates answers).
 */

/** Text in one or more of the four languages, e.g. { en: "...", "sr-Cyrl": "..." }. */
const localizedText = z
  .partialRecord(z.enum(LOCALES), z.string().trim().min(1).max(4000))
  .refine((text) => Object.keys(text).length > 0, { error: "validation.required" });

/** Stable ids: answers refer to questions by id across versions, so ids are never reused for another question. */
export const contentId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { error: "validation.invalid" });

const choiceOption = z.object({ id: contentId, label: localizedText });

const question = z
  .object({
    id: contentId,
    kind: z.enum(QUESTION_KINDS),
    text: localizedText,
    guidance: localizedText.optional(),
    /** The standard the question tests, e.g. "CPT standards, police custody, §36". */
    standard: z.string().trim().max(300).optional(),
    options: z.array(choiceOption).max(50).optional(),
  })
  .refine((q) => (q.kind === "single_choice" || q.kind === "multiple_choice") === Boolean(q.options?.length), {
    error: "validation.invalid",
    path: ["options"],
  });

export const section = z.object({ id: contentId, title: localizedText, questions: z.array(question).max(500) });

export const templateContent = z
  .object({ sections: z.array(section).min(1).max(100) })
  .refine((content) => unique(content.sections.map((s) => s.id)), { error: "validation.invalid", path: ["sections"] })
  .refine((content) => unique(content.sections.flatMap((s) => s.questions.map((q) => q.id))), { error: "validation.invalid", path: ["sections"] });

export type TemplateContent = z.infer<typeof templateContent>;
export type Question = z.infer<typeof question>;
export type Section = z.infer<typeof section>;

function unique(ids: string[]): boolean {
  return new Set(ids).size === ids.length;
}

/** The schema of an answer's value for a question (null clears the answer). */
export function answerValueSchema(q: Question): z.ZodType {
  const optionIds = (q.options ?? []).map((o) => o.id) as [string, ...string[]];
  switch (q.kind) {
    case "yes_no_na":
      return z.enum(["yes", "no", "na"]);
    case "single_choice":
      return z.enum(optionIds);
    case "multiple_choice":
      return z.array(z.enum(optionIds)).max(optionIds.length);
    case "number":
      return z.number().finite();
    case "short_text":
      return z.string().max(500);
    case "long_text":
      return z.string().max(20_000);
    case "date":
      return daySchema;
  }
}

export function findQuestion(content: TemplateContent, questionId: string): Question | undefined {
  for (const s of content.sections) for (const q of s.questions) if (q.id === questionId) return q;
  return undefined;
}
