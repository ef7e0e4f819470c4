/**
 * The kinds of checklist questions, apart from content.ts's schemas so that the template editor's
 * browser code does not download zod for a list of names (issue 15, goal 3).
 */
export const QUESTION_KINDS = ["yes_no_na", "single_choice", "multiple_choice", "number", "short_text", "long_text", "date"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
