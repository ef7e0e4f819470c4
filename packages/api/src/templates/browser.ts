/** What the web app's browser code takes from templates: a list of names and types, no schema code. */
export { QUESTION_KINDS, type QuestionKind } from "./question-kinds.ts";
export type { Question, Section, TemplateContent } from "./content.ts";
