import type { SectionOutcome } from "./ChecklistSection";
import { runAction, type ServerApi } from "../../lib/api.server";
import { fieldName, parseDraft, sameAnswer, type AnswerDraft } from "./checklist-values";

function originalOf(form: FormData, questionId: string): { value: unknown; note: string | null } {
  try {
    return JSON.parse(String(form.get(fieldName.original(questionId)) ?? "")) as { value: unknown; note: string | null };
  } catch {
    return { value: null, note: null };
  }
}

/**
 * "Save section" without JavaScript: saves each answer of the section that differs from what the
 * page showed, each from the revision the page showed. Answers that are refused (a conflict, a bad
 * value) come back with what the person typed, so nothing is lost; the others are saved.
 */
type Calls = {
  get: (input: { tenantSlug: string; visitId: string }) => ReturnType<ServerApi["caller"]["checklist"]["get"]>;
  save: (input: Parameters<ServerApi["caller"]["checklist"]["save"]>[0]) => Promise<unknown>;
};

/** The workspace's own visit; a joint visit passes the jointVisits procedures instead. */
const ownVisit = (api: ServerApi): Calls => ({ get: (input) => api.caller.checklist.get(input), save: (input) => api.caller.checklist.save(input) });

export async function saveSectionFromForm(api: ServerApi, tenantSlug: string, visitId: string, form: FormData, calls: Calls = ownVisit(api)): Promise<{ sectionId: string; outcome: SectionOutcome }> {
  const sectionId = String(form.get("sectionId") ?? "");
  const checklist = await calls.get({ tenantSlug, visitId });
  const section = checklist.template?.content.sections.find((s) => s.id === sectionId);
  const outcome: SectionOutcome = { unsaved: {}, savedCount: 0 };
  for (const question of section?.questions ?? []) {
    const draft: AnswerDraft = { values: form.getAll(fieldName.value(question.id)).map(String), note: String(form.get(fieldName.note(question.id)) ?? "") };
    const parsed = parseDraft(question.kind, draft);
    if (!parsed.ok) {
      outcome.unsaved[question.id] = { draft, message: api.ctx.t("checklistErrors.invalidValue.number") };
      continue;
    }
    if (sameAnswer(originalOf(form, question.id), parsed)) continue;
    const baseRevision = Number(form.get(fieldName.revision(question.id)) ?? 0) || 0;
    const result = await runAction(api, () =>
      calls.save({ tenantSlug, visitId, questionId: question.id, value: parsed.value, note: parsed.note, baseRevision }),
    );
    if (result.ok) outcome.savedCount += 1;
    else outcome.unsaved[question.id] = { draft, message: result.message };
  }
  return { sectionId, outcome };
}
