import { useTranslation } from "react-i18next";
import { data } from "react-router";
import { Card } from "../../ui/Card";
import { AttachmentList } from "./AttachmentList";
import { EvidenceNav } from "./EvidenceNav";
import { FindingCard } from "./FindingCard";
import { FindingForm } from "./FindingForm";
import { UploadForm } from "./UploadForm";
import { FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { loaderError, serverApi } from "../../lib/api.server";
import { pageTitle } from "../../lib/locale";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import { findingAction, maxUploadMegabytes } from "./visit-findings.server";
import { checklistQuestionLabels } from "./checklist-questions.server";
import type { Route } from "./+types/visit-findings";

export const meta: Route.MetaFunction = ({ matches, data: loaded }) => pageTitle(matches, "findings.metaTitle", {}, () => loaded?.visit.placeName);

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    const listed = await api.caller.findings.list({ tenantSlug: params.slug, visitId: params.visitId });
    // A photo asked for from a checklist question (?question=), or one already linked to a question, names it.
    const asked = new URL(request.url).searchParams.get("question");
    const needsQuestions = asked !== null || listed.unlinkedAttachments.some((attachment) => attachment.questionId);
    const questions = needsQuestions ? await checklistQuestionLabels(api, params.slug, params.visitId) : {};
    const askedQuestion = asked && questions[asked] ? { id: asked, ...questions[asked] } : null;
    return { ...listed, questions, askedQuestion, maxMegabytes: maxUploadMegabytes() };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const response = await findingAction(api, request, params.slug, params.visitId);
  return data(response, { status: response.ok ? 200 : 400 });
}

const SUCCESS_KEYS: Record<string, string> = {
  create: "findings.created",
  update: "findings.saved",
  delete: "findings.deleted",
  upload: "attachments.uploaded",
  deleteAttachment: "attachments.deleted",
};

export default function VisitFindings({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { visit, findings, unlinkedAttachments, maxMegabytes, questions, askedQuestion } = loaderData;
  const canEdit = visit.editable && roleAtLeast(workspace.role, "monitor");
  const successKey = actionData?.ok ? SUCCESS_KEYS[actionData.intent] : undefined;
  return (
    <div className="space-y-6">
      <EvidenceNav slug={params.slug} visitId={params.visitId} />
      <PageHeader title={t("findings.title")} lead={t("findings.lead", { place: visit.placeName })} />
      {visit.editable ? null : <p className="text-sm text-slate-700">{t("findings.frozen")}</p>}
      <FormSuccess message={successKey ? t(successKey, { name: actionData?.fileName }) : undefined} />
      {findings.length === 0 ? (
        <p className="text-slate-700">{t("findings.empty")}</p>
      ) : (
        <div className="space-y-4">
          {findings.map((finding) => (
            <FindingCard key={finding.id} slug={params.slug} finding={finding} canEdit={canEdit} maxMegabytes={maxMegabytes} result={actionData} />
          ))}
        </div>
      )}
      {canEdit ? (
        <Card title={t("findings.newTitle")} id="new-finding">
          <FindingForm key={`new-${findings.length}`} result={actionData} />
        </Card>
      ) : null}
      {canEdit && askedQuestion ? (
        <Card title={t("attachments.questionPhotoTitle", { number: askedQuestion.number })} id="question-photo">
          <div className="space-y-3">
            <p lang={askedQuestion.lang} className="text-slate-800">{askedQuestion.text}</p>
            <UploadForm findingId={null} questionId={askedQuestion.id} maxMegabytes={maxMegabytes} result={actionData} />
          </div>
        </Card>
      ) : null}
      <Card title={t("attachments.unlinkedTitle")} id="unlinked-evidence">
        <div className="space-y-3">
          <AttachmentList slug={params.slug} attachments={unlinkedAttachments} canEdit={canEdit} questions={questions} />
          {canEdit ? <UploadForm findingId={null} maxMegabytes={maxMegabytes} result={actionData} /> : null}
        </div>
      </Card>
    </div>
  );
}
