import { suggestPseudonym } from "@vigil/api/evidence";
import { interviewFieldsSchema } from "@vigil/api/inputs";
import { useTranslation } from "react-i18next";
import { data } from "react-router";
import { Card } from "../../ui/Card";
import { EvidenceNav } from "./EvidenceNav";
import { InterviewCard } from "./InterviewCard";
import { InterviewForm } from "./InterviewForm";
import { FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { parseForm } from "../../lib/parse-form.server";
import { pageTitle } from "../../lib/locale";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/visit-interviews";
import { readForm } from "../../lib/read-form.server";

export const meta: Route.MetaFunction = ({ matches, data: loaded }) => pageTitle(matches, "interviews.metaTitle", {}, () => loaded?.visit.placeName);

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    return await api.caller.interviews.list({ tenantSlug: params.slug, visitId: params.visitId });
  } catch (error) {
    loaderError(error, request);
  }
}

/** The interview form's fields, as the procedures take them (checkboxes are present only when ticked); call it inside runAction. */
function interviewFields(form: FormData) {
  const notes = String(form.get("notes") ?? "");
  return {
    pseudonym: String(form.get("pseudonym") ?? ""),
    ...parseForm(form, interviewFieldsSchema.pick({ category: true, allegations: true })),
    consentGiven: form.get("consentGiven") === "on",
    reprisalRisk: form.get("reprisalRisk") === "on",
    followUpDue: String(form.get("followUpDue") ?? "") || null,
    notes: notes.trim() ? notes : undefined,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const tenantSlug = params.slug;
  const form = await readForm(request);
  const interviewId = String(form.get("interviewId") ?? "");
  type Interviews = typeof api.caller.interviews;
  type Outcome = Awaited<ReturnType<Interviews["create"] | Interviews["update"] | Interviews["readNotes"] | Interviews["checkFollowUp"]>>;
  const respond = async (intent: "create" | "update" | "readNotes" | "checkFollowUp", work: () => Promise<Outcome>) => {
    const result = await runAction(api, work);
    const notes = result.ok && "notes" in result.result ? result.result.notes : undefined;
    const pseudonym = result.ok && "pseudonym" in result.result ? result.result.pseudonym : undefined;
    // The decrypted notes go to this response only: never to a log, a redirect or the session.
    const response = result.ok ? { ok: true as const, intent, targetId: interviewId, notes, pseudonym } : { ...result, intent, targetId: interviewId };
    return data(response, { status: result.ok ? 200 : 400, headers: { "Cache-Control": "no-store" } });
  };
  return dispatchIntent(form, {
    create: (intent) => respond(intent, () => api.caller.interviews.create({ tenantSlug, visitId: params.visitId, ...interviewFields(form) })),
    update: (intent) => respond(intent, () => api.caller.interviews.update({ tenantSlug, interviewId, ...interviewFields(form) })),
    readNotes: (intent) => respond(intent, () => api.caller.interviews.readNotes({ tenantSlug, interviewId })),
    checkFollowUp: (intent) => respond(intent, () => api.caller.interviews.checkFollowUp({ tenantSlug, interviewId })),
  });
}

export default function VisitInterviews({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { visit, interviews } = loaderData;
  const canRecord = visit.editable && roleAtLeast(workspace.role, "monitor");
  const taken = interviews.map((interview) => interview.pseudonym);
  const suggestion = suggestPseudonym(taken, "detainee");
  const saved = actionData?.ok && (actionData.intent === "create" || actionData.intent === "update") ? actionData : undefined;
  return (
    <div className="space-y-6">
      <EvidenceNav slug={params.slug} visitId={params.visitId} />
      <PageHeader title={t("interviews.title")} lead={t("interviews.lead", { place: visit.placeName })} />
      <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("interviews.confidentiality")}</p>
      {visit.editable ? null : <p className="text-sm text-slate-700">{t("interviews.frozen")}</p>}
      <FormSuccess message={saved ? t(saved.intent === "create" ? "interviews.created" : "interviews.saved", { pseudonym: saved.pseudonym }) : undefined} />
      {interviews.length === 0 ? (
        <p className="text-slate-700">{t("interviews.empty")}</p>
      ) : (
        <div className="space-y-4">
          {interviews.map((interview) => (
            <InterviewCard key={interview.id} interview={interview} editable={canRecord} suggestion={interview.pseudonym} result={actionData} />
          ))}
        </div>
      )}
      {canRecord ? (
        <Card title={t("interviews.newTitle")} id="new-interview">
          <InterviewForm key={`new-${interviews.length}`} suggestion={suggestion} result={actionData} />
        </Card>
      ) : null}
    </div>
  );
}
