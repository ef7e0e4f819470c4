import { localizeChecklist } from "@vigil/api";
import type { ServerApi } from "../../lib/api.server";
import type { SavedAnswer } from "./use-answer-autosave";

type VisitRef = { tenantSlug: string; visitId: string };
/** Where a checklist page reads from: the workspace's own visit, or a joint visit through jointVisits. */
export type ChecklistReads = {
  get: (input: VisitRef) => ReturnType<ServerApi["caller"]["checklist"]["get"]>;
  history: (input: VisitRef & { questionId: string }) => ReturnType<ServerApi["caller"]["checklist"]["history"]>;
};

/** The data of a checklist page: the visit, its template in the reader's language, answers and, without JavaScript, one question's history. */
export async function loadChecklistPage(api: ServerApi, request: Request, ref: VisitRef, reads: ChecklistReads) {
  const checklist = await reads.get(ref);
  const view = checklist.template ? localizeChecklist(checklist.template.content, checklist.template.languages, api.ctx.locale) : null;
  // Without JavaScript, "History" reloads the page with ?history=<question>.
  const historyOf = new URL(request.url).searchParams.get("history");
  const history =
    historyOf && view?.sections.some((s) => s.questions.some((q) => q.id === historyOf))
      ? { questionId: historyOf, entries: await reads.history({ ...ref, questionId: historyOf }) }
      : null;
  const answers: Record<string, SavedAnswer> = Object.fromEntries(checklist.answers.map((a) => [a.questionId, a]));
  return { visit: checklist.visit, template: checklist.template ? { name: checklist.template.name, version: checklist.template.version } : null, view, answers, canEdit: checklist.canEdit, history };
}

export type ChecklistPageData = Awaited<ReturnType<typeof loadChecklistPage>>;
