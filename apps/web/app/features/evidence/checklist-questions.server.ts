import { localizeChecklist } from "@vigil/api";
import type { ServerApi } from "../../lib/api.server";
import type { QuestionLabel } from "./AttachmentList";

/**
 * The visit's checklist questions by id, in the reader's language, numbered as the checklist numbers
 * them. Read only when the page needs one (a photo of a question, or a link from a question).
 */
export async function checklistQuestionLabels(api: ServerApi, tenantSlug: string, visitId: string): Promise<Record<string, QuestionLabel>> {
  const checklist = await api.caller.checklist.get({ tenantSlug, visitId });
  if (!checklist.template) return {};
  const view = localizeChecklist(checklist.template.content, checklist.template.languages, api.ctx.locale);
  return Object.fromEntries(
    view.sections.flatMap((section, s) => section.questions.map((question, q) => [question.id, { number: `${s + 1}.${q + 1}`, text: question.text, lang: view.language }])),
  );
}
