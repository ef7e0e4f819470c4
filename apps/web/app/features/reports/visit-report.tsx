import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import { buttonClass, FOCUS_RING } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { DraftForm } from "./DraftForm";
import { RecommendationCard } from "./RecommendationCard";
import { RecommendationForm } from "./RecommendationForm";
import { SendCard } from "./SendCard";
import { loaderError, serverApi } from "../../lib/api.server";
import { contentLang } from "../../lib/bdi";
import { pageTitle, useLocale } from "../../lib/locale";
import { formatDay, formatDayRange } from "../visits/visit-days";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import { reportAction } from "./visit-report.server";
import type { Route } from "./+types/visit-report";

export const meta: Route.MetaFunction = ({ matches, data: loaded }) =>
  pageTitle(matches, "report.metaTitle", {}, (locale) => (loaded ? `${loaded.visit.placeName}, ${formatDayRange(locale, loaded.visit.plannedStart, loaded.visit.plannedEnd)}` : undefined));

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    return await api.caller.reports.get({ tenantSlug: params.slug, visitId: params.visitId });
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const result = await reportAction(api, request, params.slug, params.visitId);
  return data(result, { status: result.ok ? 200 : 400 });
}

function successMessage(t: (key: string, options?: Record<string, unknown>) => string, result: Route.ComponentProps["actionData"]): string | undefined {
  if (!result?.ok) return undefined;
  switch (result.intent) {
    case "saveDraft": return t("report.saved");
    case "add": return t("report.added", { number: result.number });
    case "update": return t("report.updated", { number: result.number });
    case "delete": return t("report.deleted");
    case "move": return t("report.moved");
    case "send": return t("report.sentNotice");
    default: return undefined;
  }
}

export default function VisitReport({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const { visit, report, authorities, draftable, responseDeadlineDays, defaultLanguage } = loaderData;
  const canDraft = draftable && roleAtLeast(workspace.role, "monitor");
  const canSend = roleAtLeast(workspace.role, "coordinator");
  const visitPath = `/t/${params.slug}/visits/${params.visitId}`;
  const recommendations = report?.recommendations ?? [];
  // The report's own words (summary, recommendations) are in its language, which may not be the interface's.
  const reportLang = contentLang(report?.language, locale);
  const addressees = [...new Map(recommendations.flatMap((r) => r.addressees).map((a) => [a.id, a])).values()];
  return (
    <div className="space-y-6">
      <Link to={visitPath} className={`text-sm text-teal-800 underline ${FOCUS_RING}`}>{t("report.backToVisit")}</Link>
      <PageHeader
        title={t("report.title")}
        lead={t("report.lead", { place: visit.placeName, dates: formatDayRange(locale, visit.plannedStart, visit.plannedEnd) })}
        actions={
          report ? (
            <a href={`${visitPath}/report.pdf`} download className={buttonClass("secondary")}>{t("report.downloadPdf")}</a>
          ) : undefined
        }
      />
      <FormSuccess message={successMessage(t, actionData)} />

      {!report && !canDraft ? (
        draftable ? (
          <EmptyState title={t("report.noReportTitle")} body={t("report.noReportBody")} />
        ) : (
          <EmptyState title={t("report.notDraftableTitle")} body={t("report.notDraftableBody")} />
        )
      ) : null}

      {report?.status === "sent" && report.sentAt ? (
        <Card title={t("report.sentTitle")} id="sent">
          <div className="space-y-2 text-slate-800">
            <p>{report.sentBy ? t("report.sentOnBy", { date: formatDay(locale, report.sentAt), name: report.sentBy.name }) : t("report.sentOnDate", { date: formatDay(locale, report.sentAt) })}</p>
            <p className="text-sm text-slate-700">{t("report.sentLocked")}</p>
            <h3 className="pt-2 text-base font-semibold text-slate-900">{t("report.addresseesTitle")}</h3>
            <ul className="list-inside list-disc text-sm">
              {addressees.map((authority) => (
                <li key={authority.id}>{authority.name} ({t(`authorityKinds.${authority.kind}`)})</li>
              ))}
            </ul>
          </div>
        </Card>
      ) : null}

      {canDraft ? (
        <Card title={t("report.draftTitle")} id="draft">
          <DraftForm report={report} defaultLanguage={defaultLanguage} result={actionData} contentLang={reportLang} />
        </Card>
      ) : report?.summary ? (
        <Card title={t("report.summary")} id="summary">
          <p lang={reportLang} className="whitespace-pre-wrap text-slate-800">{report.summary}</p>
        </Card>
      ) : null}

      {report || canDraft ? (
        <Card title={t("report.recommendationsTitle")} id="recommendations">
          {recommendations.length === 0 ? (
            <p className="text-slate-700">{t("report.recommendationsEmpty")}</p>
          ) : (
            <ol className="space-y-4">
              {recommendations.map((recommendation, index) => (
                <RecommendationCard
                  key={recommendation.id}
                  slug={params.slug}
                  visitId={params.visitId}
                  recommendation={recommendation}
                  authorities={authorities}
                  canEdit={canDraft}
                  sent={report?.status === "sent"}
                  isFirst={index === 0}
                  isLast={index === recommendations.length - 1}
                  result={actionData}
                  contentLang={reportLang}
                />
              ))}
            </ol>
          )}
        </Card>
      ) : null}

      {canDraft ? (
        <Card title={t("report.addTitle")} id="add-recommendation">
          {authorities.length === 0 ? (
            <EmptyState
              headingLevel={3}
              title={t("report.noAuthoritiesTitle")}
              body={t("report.noAuthoritiesBody")}
              action={<Link to={`/t/${params.slug}/authorities`} className={buttonClass("secondary")}>{t("report.toAuthorities")}</Link>}
            />
          ) : (
            <RecommendationForm key={`new-${recommendations.length}`} slug={params.slug} visitId={params.visitId} authorities={authorities} result={actionData} contentLang={reportLang} />
          )}
        </Card>
      ) : null}

      {canDraft && report ? <SendCard canSend={canSend} deadlineDays={responseDeadlineDays} result={actionData} /> : null}
    </div>
  );
}
