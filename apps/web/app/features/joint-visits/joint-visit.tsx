import { localizedName } from "@vigil/i18n";
import { findingFieldsSchema, partnerRecommendationSchema } from "@vigil/api/inputs";
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import { buttonClass, FOCUS_RING } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { AttachmentList } from "../evidence/AttachmentList";
import { FindingForm } from "../evidence/FindingForm";
import { UploadForm } from "../evidence/UploadForm";
import { FormSuccess } from "../../ui/FormMessage";
import { PartnerRecommendationForm } from "./PartnerRecommendationForm";
import { PageHeader } from "../../ui/PageHeader";
import { authorLabel } from "../../ui/attribution";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { parseForm } from "../../lib/parse-form.server";
import { pageTitle, useLocale } from "../../lib/locale";
import { formatDayRange } from "../visits/visit-days";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import { jointEvidenceUpload } from "./joint-visit-evidence.server";
import { maxUploadMegabytes } from "../evidence/visit-findings.server";
import type { Route } from "./+types/joint-visit";
import { readForm } from "../../lib/read-form.server";
import { ForeignName, withNames } from "../../lib/bdi";

export const meta: Route.MetaFunction = ({ matches, data: loaded }) =>
  loaded
    ? pageTitle(matches, "joint.visit.title", (locale) => ({ place: localizedName(loaded.visit.place, locale) }), (locale) => formatDayRange(locale, loaded.visit.plannedStart, loaded.visit.plannedEnd))
    : pageTitle(matches, "joint.visit.metaTitle");

/**
 * A host's visit as a partner's nominated member sees it, from their own workspace: plan, team,
 * findings (and adding one), the report draft and, if the host shares them, interview records.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const input = { tenantSlug: params.slug, visitId: params.visitId };
  try {
    // Independent reads (each caller call is its own transaction), so they run side by side.
    const [view, findings, report, interviews] = await Promise.all([
      api.caller.jointVisits.get(input),
      api.caller.jointVisits.findings(input),
      api.caller.jointVisits.report(input),
      api.caller.jointVisits.interviews(input),
    ]);
    return { ...view, findings, report, interviews, maxMegabytes: maxUploadMegabytes() };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const uploaded = await jointEvidenceUpload(api, request, params.slug, params.visitId);
    return data(uploaded, { status: uploaded.ok ? 200 : 400 });
  }
  const form = await readForm(request);
  const field = (name: string) => String(form.get(name) ?? "");
  const input = { tenantSlug: params.slug, visitId: params.visitId };
  // Read inside each procedure call: a value not on the list is refused there as a field error.
  const priority = () => parseForm(form, partnerRecommendationSchema.pick({ priority: true })).priority;
  const respond = async (intent: "create" | "addRecommendation" | "updateRecommendation", work: () => Promise<unknown>) => {
    const result = await runAction(api, work);
    const targetId = intent === "updateRecommendation" ? field("recommendationId") : "";
    return data({ ...(result.ok ? { ok: true as const } : result), intent, targetId, fileName: undefined as string | undefined }, { status: result.ok ? 200 : 400 });
  };
  return dispatchIntent(form, {
    create: (intent) =>
      respond(intent, () =>
        api.caller.jointVisits.createFinding({
          ...input, theme: field("theme"), text: field("text"), ...parseForm(form, findingFieldsSchema.pick({ severity: true })),
        }),
      ),
    addRecommendation: (intent) => respond(intent, () => api.caller.jointVisits.addRecommendation({ ...input, text: field("text"), priority: priority() })),
    updateRecommendation: (intent) =>
      respond(intent, () =>
        api.caller.jointVisits.updateRecommendation({
          ...input, recommendationId: field("recommendationId"), text: field("text"), priority: priority(), expectedUpdatedAt: field("expectedUpdatedAt") || null,
        }),
      ),
  });
}

export default function JointVisit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const { visit, host, visitRole, partnerMembers, findings, report, interviews, maxMegabytes } = loaderData;
  const evidenceHref = (attachmentId: string) => `/t/${workspace.slug}/joint-visits/${visit.id}/evidence/${attachmentId}`;
  const base = `/t/${workspace.slug}/joint-visits`;
  const canWrite = visit.editable && roleAtLeast(workspace.role, "monitor");
  // The host's draft takes partners' recommendations until it is sent (0107).
  const canDraft = roleAtLeast(workspace.role, "monitor") && report?.status === "draft" && ["in_progress", "report_drafting"].includes(visit.status);
  return (
    <div className="space-y-6">
      <Link to={base} className={`inline-flex min-h-10 items-center text-sm text-teal-800 underline ${FOCUS_RING}`}>{t("joint.visit.back")}</Link>
      <PageHeader
        title={t("joint.visit.title", { place: localizedName(visit.place, locale) })}
        lead={withNames(t).t("joint.visit.lead", { dates: formatDayRange(locale, visit.plannedStart, visit.plannedEnd), host: <ForeignName name={host.name} /> })}
        actions={<Link to={`${base}/${visit.id}/checklist`} className={buttonClass("primary")}>{t("joint.visit.checklist")}</Link>}
      />
      <p className="text-slate-700">{t("joint.visit.yourRole", { role: t(`visitRoles.${visitRole}`) })}</p>

      <Card title={t("joint.visit.plan")} id="plan">
        <dl className="grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">{t("joint.visit.type")}</dt>
            <dd className="text-slate-900">{t(`visitTypes.${visit.type}`)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("joint.visit.status")}</dt>
            <dd className="text-slate-900">{t(`visitStatus.${visit.status}`)}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-sm text-slate-600">{t("joint.visit.objectives")}</dt>
            <dd className="whitespace-pre-line text-slate-900">{visit.objectives || t("joint.visit.noObjectives")}</dd>
          </div>
        </dl>
      </Card>

      <Card title={t("joint.visit.team")} id="team">
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <h3 className="text-sm font-medium text-slate-700">{withNames(t).t("joint.visit.hostTeam", { host: <ForeignName name={host.name} /> })}</h3>
            <ul className="text-slate-900">
              {visit.team.map((member) => (
                <li key={member.id}>
                  {t("joint.partners.memberRole", {
                    name: member.user?.name ?? t("joint.visit.external", { name: member.externalName ?? "" }),
                    role: t(`visitRoles.${member.visitRole}`),
                  })}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="text-sm font-medium text-slate-700">{t("joint.visit.yourTeam")}</h3>
            <ul className="text-slate-900">
              {partnerMembers.map((member) => (
                <li key={member.userId}>{t("joint.partners.memberRole", { name: member.name, role: t(`visitRoles.${member.visitRole}`) })}</li>
              ))}
            </ul>
          </div>
        </div>
      </Card>

      <Card title={t("joint.visit.findings")} id="findings">
        <div className="space-y-4">
          {findings.findings.length === 0 ? <p className="text-slate-600">{t("joint.visit.noFindings")}</p> : null}
          <ul className="divide-y divide-slate-100">
            {findings.findings.map((finding) => (
              <li key={finding.id} className="py-3">
                <p className="font-medium text-slate-900">
                  {finding.theme} <span className="font-normal text-slate-600">· {t(`severities.${finding.severity}`)}</span>
                </p>
                <p className="whitespace-pre-line text-slate-800">{finding.text}</p>
                <p className="text-sm text-slate-600">
                  {withNames(t).t("joint.visit.recordedBy", { name: finding.createdBy ? authorLabel(t, finding.createdBy.name, finding.authorWorkspace) : t("common.unknown") })}
                  {finding.attachments.length > 0 ? ` · ${t("joint.visit.evidence", { count: finding.attachments.length })}` : null}
                </p>
                <div className="mt-2 space-y-2">
                  <AttachmentList slug={workspace.slug} attachments={finding.attachments} canEdit={false} hrefFor={evidenceHref} />
                  {canWrite ? <UploadForm findingId={finding.id} maxMegabytes={maxMegabytes} result={actionData} /> : null}
                </div>
              </li>
            ))}
          </ul>
          <section aria-labelledby="visit-evidence-heading" className="space-y-2">
            <h3 id="visit-evidence-heading" className="font-medium text-slate-900">{t("joint.visit.evidenceFiles.title")}</h3>
            <FormSuccess message={actionData?.ok && actionData.intent === "upload" ? t("joint.visit.evidenceFiles.uploaded", { name: actionData.fileName }) : null} />
            <AttachmentList slug={workspace.slug} attachments={findings.unlinkedAttachments} canEdit={false} hrefFor={evidenceHref} />
            {canWrite ? <UploadForm findingId={null} maxMegabytes={maxMegabytes} result={actionData} /> : null}
          </section>
          {canWrite ? (
            <div>
              <h3 className="mb-2 font-medium text-slate-900">{t("joint.visit.addFinding")}</h3>
              <FormSuccess message={actionData?.ok && actionData.intent === "create" ? t("joint.visit.findingAdded") : null} />
              <FindingForm result={actionData} />
            </div>
          ) : null}
        </div>
      </Card>

      <Card title={t("joint.visit.report")} id="report">
        {report ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">{t(canDraft ? "joint.visit.draft.hint" : "joint.visit.reportReadOnly")}</p>
            <p className="whitespace-pre-line text-slate-900" lang={report.language}>{report.summary}</p>
            <FormSuccess
              message={actionData?.ok && actionData.intent === "addRecommendation" ? t("joint.visit.draft.added") : actionData?.ok && actionData.intent === "updateRecommendation" ? t("joint.visit.draft.saved") : null}
            />
            <ol className="list-decimal space-y-3 pl-6" lang={report.language}>
              {report.recommendations.map((recommendation) => (
                <li key={recommendation.id}>
                  <p className="whitespace-pre-line text-slate-900">{recommendation.text}</p>
                  <p className="text-sm text-slate-600" lang={locale}>
                    {t(`report.priorities.${recommendation.priority}`)}
                    {recommendation.createdBy ? <> · {withNames(t).t("joint.visit.recordedBy", { name: authorLabel(t, recommendation.createdBy.name, recommendation.authorWorkspace) })}</> : null}
                  </p>
                  {canDraft ? (
                    <details className="mt-1" lang={locale}>
                      <summary className={`cursor-pointer text-sm text-teal-800 underline ${FOCUS_RING}`}>{t("joint.visit.draft.edit", { number: recommendation.number })}</summary>
                      <div className="mt-2">
                        <PartnerRecommendationForm recommendation={recommendation} result={actionData} />
                      </div>
                    </details>
                  ) : null}
                </li>
              ))}
            </ol>
            {canDraft ? (
              <div>
                <h3 className="mb-2 font-medium text-slate-900">{t("joint.visit.draft.add")}</h3>
                <PartnerRecommendationForm result={actionData} />
              </div>
            ) : null}
          </div>
        ) : (
          <p className="text-slate-600">{t("joint.visit.noReport")}</p>
        )}
      </Card>

      <Card title={t("joint.visit.interviews")} id="interviews">
        {!interviews.shared ? (
          <p className="text-slate-600">{t("joint.visit.interviewsNotShared")}</p>
        ) : interviews.interviews.length === 0 ? (
          <p className="text-slate-600">{t("joint.visit.noInterviews")}</p>
        ) : (
          <ul className="text-slate-900">
            {interviews.interviews.map((interview) => (
              <li key={interview.id}>{t("joint.visit.interview", { pseudonym: interview.pseudonym, category: t(`intervieweeCategories.${interview.category}`) })}</li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
