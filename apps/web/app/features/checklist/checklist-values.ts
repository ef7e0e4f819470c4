import type { LocalizedQuestion } from "@vigil/api";

/**
 * An answer as the form holds it: the checked or typed strings of the answer control, and the note.
 * The same shape comes from a posted form (no JavaScript) and from the live controls, so both paths
 * turn it into a value the same way.
 */
export type AnswerDraft = { values: string[]; note: string };

export type AnswerValue = string | number | string[] | null;

export type ParsedDraft = { ok: true; value: AnswerValue; note: string | null } | { ok: false };

export function draftFrom(value: unknown, note: string | null): AnswerDraft {
  if (value === null || value === undefined) return { values: [], note: note ?? "" };
  if (Array.isArray(value)) return { values: value.map(String), note: note ?? "" };
  return { values: [String(value)], note: note ?? "" };
}

/** The value to save for a draft; a number that does not parse is refused here, before any call. */
export function parseDraft(kind: LocalizedQuestion["kind"], draft: AnswerDraft): ParsedDraft {
  const note = draft.note.trim() || null;
  const first = draft.values[0]?.trim() ?? "";
  switch (kind) {
    case "multiple_choice":
      return { ok: true, value: draft.values.length > 0 ? [...draft.values] : null, note };
    case "number": {
      if (first === "") return { ok: true, value: null, note };
      // Decimal commas are the norm in Serbian and Ukrainian.
      const number = Number(first.replace(",", "."));
      return Number.isFinite(number) ? { ok: true, value: number, note } : { ok: false };
    }
    case "short_text":
    case "long_text":
      return { ok: true, value: (draft.values[0] ?? "").trim() === "" ? null : (draft.values[0] ?? ""), note };
    default:
      return { ok: true, value: first === "" ? null : first, note };
  }
}

/** Whether two saved states are the same answer (so saving would change nothing). */
export function sameAnswer(a: { value: unknown; note: string | null }, b: { value: unknown; note: string | null }): boolean {
  return JSON.stringify(a.value ?? null) === JSON.stringify(b.value ?? null) && (a.note ?? null) === (b.note ?? null);
}

export function isAnswered(value: unknown): boolean {
  return value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
}

/** Form field names of one question, shared by the controls and the no-JavaScript action. */
export const fieldName = {
  value: (questionId: string) => `value.${questionId}`,
  note: (questionId: string) => `note.${questionId}`,
  revision: (questionId: string) => `revision.${questionId}`,
  original: (questionId: string) => `original.${questionId}`,
};
