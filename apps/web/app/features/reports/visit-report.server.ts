import { runAction, type ActionFailure, type ServerApi } from "../../lib/api.server";
import { recommendationFieldsSchema, reportDraftSchema } from "@vigil/api/inputs";
import { dispatchIntent } from "../../lib/intent";
import { parseForm } from "../../lib/parse-form.server";
import { readForm } from "../../lib/read-form.server";

export type SimilarRecommendation = {
  id: string; number: number; text: string; status: string; similarity: number; visitId: string; visitStart: Date | string; sentAt: Date | string | null;
};

/** What the recommendation form had, so a refused form comes back as it was typed. */
export type RecommendationValues = { text: string; authorityIds: string[]; themeTags: string; priority: string };

export type ReportActionResult = ({ ok: true } | ActionFailure) & {
  intent: string;
  targetId?: string;
  number?: number;
  values?: RecommendationValues;
  /** Earlier recommendations like the text just saved or checked: the editor shows them without JavaScript too. */
  similar?: SimilarRecommendation[];
};

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/** "material conditions, health care" → ["material conditions", "health care"] (the API trims and drops repeats). */
export function tagsFrom(value: string): string[] {
  return value.split(",").map((tag) => tag.trim()).filter((tag) => tag !== "");
}

function recommendationValues(form: FormData): RecommendationValues {
  return {
    text: text(form, "text"),
    authorityIds: form.getAll("authorityIds").map(String),
    themeTags: text(form, "themeTags"),
    priority: text(form, "priority") || "medium",
  };
}

/** Called inside runAction: a priority not on the list is refused as a field error. */
function fields(values: RecommendationValues) {
  const { priority } = parseForm({ priority: values.priority }, recommendationFieldsSchema.pick({ priority: true }));
  return { text: values.text, authorityIds: values.authorityIds, themeTags: tagsFrom(values.themeTags), priority };
}

async function similarTo(api: ServerApi, tenantSlug: string, visitId: string, value: string): Promise<SimilarRecommendation[]> {
  const found = await runAction(api, () => api.caller.reports.similar({ tenantSlug, visitId, text: value }));
  return found.ok ? found.result : [];
}

/** Every form on the report page posts here with an `intent`; each calls one `reports` procedure. */
export async function reportAction(api: ServerApi, request: Request, tenantSlug: string, visitId: string): Promise<ReportActionResult> {
  const form = await readForm(request);
  const recommendationId = text(form, "recommendationId");
  const outcome = async (intent: string, work: () => Promise<unknown>, targetId?: string): Promise<ReportActionResult> => {
    const result = await runAction(api, work);
    return { ...(result.ok ? { ok: true as const } : result), intent, ...(targetId === undefined ? {} : { targetId }) };
  };
  return dispatchIntent(form, {
    saveDraft: (intent) => {
      const expected = text(form, "expectedUpdatedAt");
      return outcome(intent, () =>
        api.caller.reports.saveDraft({ tenantSlug, visitId, language: parseForm(form, reportDraftSchema.pick({ language: true })).language, summary: text(form, "summary"), expectedUpdatedAt: expected ? new Date(expected) : null }),
      );
    },
    checkSimilar: async (intent): Promise<ReportActionResult> => {
      const values = recommendationValues(form);
      return { ok: true, intent, values, similar: await similarTo(api, tenantSlug, visitId, values.text) };
    },
    add: async (intent): Promise<ReportActionResult> => {
      const values = recommendationValues(form);
      const result = await runAction(api, () => api.caller.reports.addRecommendation({ tenantSlug, visitId, ...fields(values) }));
      if (!result.ok) return { ...result, intent, values };
      // The saved recommendation's hints come with the page's reload (reports.get, decision 0192).
      return { ok: true, intent, targetId: result.result.id, number: result.result.number };
    },
    update: async (intent): Promise<ReportActionResult> => {
      const values = recommendationValues(form);
      const expected = text(form, "expectedUpdatedAt");
      const result = await runAction(api, () =>
        api.caller.reports.updateRecommendation({ tenantSlug, recommendationId, ...fields(values), expectedUpdatedAt: expected ? new Date(expected) : null }),
      );
      if (!result.ok) return { ...result, intent, targetId: recommendationId, values };
      return { ok: true, intent, targetId: recommendationId, number: result.result.number };
    },
    // One click under a hint marks the repeat; the same form with no target clears it (decision 0192).
    markRepeat: (intent) =>
      outcome(intent, () => api.caller.reports.markRepeat({ tenantSlug, recommendationId, repeatsRecommendationId: text(form, "repeatsRecommendationId") || null }), recommendationId),
    delete: (intent) => outcome(intent, () => api.caller.reports.deleteRecommendation({ tenantSlug, recommendationId }), recommendationId),
    move: (intent) => {
      const direction = text(form, "direction") === "down" ? "down" : "up";
      return outcome(intent, () => api.caller.reports.moveRecommendation({ tenantSlug, recommendationId, direction }), recommendationId);
    },
    send: (intent) => outcome(intent, () => api.caller.reports.send({ tenantSlug, visitId, sentOn: text(form, "sentOn") })),
    deadline: (intent) => outcome(intent, () => api.caller.reports.updateSettings({ tenantSlug, responseDeadlineDays: Number(text(form, "responseDeadlineDays")) })),
  });
}
