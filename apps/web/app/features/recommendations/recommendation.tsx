import { localizedName } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Link, redirect, useSearchParams } from "react-router";
import { FOCUS_RING } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { RecordUpdateForm } from "./RecordUpdateForm";
import { OverdueBadge, RecommendationStatusBadge } from "./RecommendationStatusBadge";
import { Timeline } from "./Timeline";
import { loaderError, serverApi } from "../../lib/api.server";
import { contentLang } from "../../lib/bdi";
import { pageTitle, useLocale } from "../../lib/locale";
import { maxDocumentMegabytes, recordUpdateFromForm, today } from "./recommendation-update.server";
import { formatDay } from "../visits/visit-days";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/recommendation";

export const meta: Route.MetaFunction = ({ matches, data: loaded }) =>
  loaded
    ? pageTitle(matches, "report.recommendationHeading", { number: String(loaded.recommendation.number) }, (locale) => `${localizedName(loaded.recommendation.place, locale)}, ${formatDay(locale, loaded.recommendation.visit.plannedStart)}`)
    : pageTitle(matches, "recommendations.metaTitle");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    const recommendation = await api.caller.recommendations.get({ tenantSlug: params.slug, recommendationId: params.recommendationId });
    return { recommendation, today: today(), maxMegabytes: maxDocumentMegabytes() };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const result = await recordUpdateFromForm(api, request, params.slug);
  // After a success, a fresh GET: reloading the page does not record the update twice.
  if (result.ok) throw redirect(`/t/${params.slug}/recommendations/${params.recommendationId}?recorded=1#timeline`);
  return data(result, { status: 400 });
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

export default function Recommendation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const [searchParams] = useSearchParams();
  const { recommendation: r, today: todayValue, maxMegabytes } = loaderData;
  const base = `/t/${workspace.slug}`;
  const canRecord = roleAtLeast(workspace.role, "monitor");
  return (
    <div className="space-y-6">
      <Link to={`${base}/recommendations`} className={`text-sm text-teal-800 underline ${FOCUS_RING}`}>
        {t("recommendations.backToList")}
      </Link>
      <PageHeader title={t("recommendations.detailTitle", { number: r.number, place: localizedName(r.place, locale) })} lead={t("recommendations.fromVisit", { date: formatDay(locale, r.visit.plannedStart) })} />
      <FormSuccess message={searchParams.get("recorded") ? t("recommendations.recorded") : undefined} />
      <Card>
        <p lang={contentLang(r.report.language, locale)} className="whitespace-pre-line text-lg text-slate-900">{r.text}</p>
        <dl className="mt-4 divide-y divide-slate-100">
          <Fact label={t("recommendations.currentStatus")}>
            <span className="flex flex-wrap gap-2">
              <RecommendationStatusBadge status={r.status} />
              {r.overdue ? <OverdueBadge /> : null}
            </span>
          </Fact>
          <Fact label={t("recommendations.addressees")}>
            {r.addressees.length > 0 ? r.addressees.map((a) => `${localizedName(a, locale)} (${t(`recommendations.authorityKind.${a.kind}`)})`).join(", ") : t("recommendations.noTags")}
          </Fact>
          <Fact label={t("recommendations.dueDate")}>{r.dueDate ? formatDay(locale, r.dueDate) : t("recommendations.noDueDate")}</Fact>
          <Fact label={t("recommendations.firstResponse")}>{r.firstResponseAt ? formatDay(locale, r.firstResponseAt) : t("recommendations.noResponse")}</Fact>
          <Fact label={t("recommendations.themeTags")}>{r.themeTags.length > 0 ? r.themeTags.join(", ") : t("recommendations.noTags")}</Fact>
          <Fact label={t("recommendations.colPlace")}>
            <Link to={`${base}/places/${r.place.id}`} className={`text-teal-800 underline ${FOCUS_RING}`}>{localizedName(r.place, locale)}</Link>
            {" · "}
            <Link to={`${base}/visits/${r.visit.id}`} className={`text-teal-800 underline ${FOCUS_RING}`}>
              {t("recommendations.openVisit", { date: formatDay(locale, r.visit.plannedStart) })}
            </Link>
          </Fact>
          <Fact label={t("recommendations.priority.label")}>{t(`recommendations.priority.${r.priority}`)}</Fact>
          <Fact label={t("recommendations.reportLabel")}>
            {r.report.sentAt ? t("recommendations.reportSent", { date: formatDay(locale, r.report.sentAt) }) : t("recommendations.reportNotSent")}
          </Fact>
          {r.repeats ? (
            <Fact label={t("recommendationRepeats.repeats")}>
              <Link to={`${base}/recommendations/${r.repeats.id}`} className={`text-teal-800 underline ${FOCUS_RING}`}>
                {t("report.similarItem", { number: r.repeats.number, date: formatDay(locale, r.repeats.visit.plannedStart) })}
              </Link>
            </Fact>
          ) : null}
          {r.repeatedBy.length > 0 ? (
            <Fact label={t("recommendationRepeats.repeatedBy")}>
              <ul>
                {r.repeatedBy.map((later) => (
                  <li key={later.id}>
                    <Link to={`${base}/recommendations/${later.id}`} className={`text-teal-800 underline ${FOCUS_RING}`}>
                      {t("report.similarItem", { number: later.number, date: formatDay(locale, later.visit.plannedStart) })}
                    </Link>
                  </li>
                ))}
              </ul>
            </Fact>
          ) : null}
          {r.visit.followUps.length > 0 ? (
            <Fact label={t("recommendations.followUpVisits")}>
              <ul>
                {r.visit.followUps.map((visit) => (
                  <li key={visit.id}>
                    <Link to={`${base}/visits/${visit.id}`} className={`text-teal-800 underline ${FOCUS_RING}`}>
                      {t("recommendations.openVisit", { date: formatDay(locale, visit.plannedStart) })}
                    </Link>
                  </li>
                ))}
              </ul>
            </Fact>
          ) : null}
        </dl>
      </Card>
      <Card title={t("recommendations.timelineTitle")} id="timeline">
        <Timeline entries={r.timeline} />
      </Card>
      <Card title={t("recommendations.recordTitle")} id="record-update">
        {canRecord ? (
          <RecordUpdateForm recommendationId={r.id} status={r.status} today={todayValue} maxMegabytes={maxMegabytes}
            authorities={r.addressees} visits={r.visit.followUps} result={actionData} />
        ) : (
          <p className="text-slate-700">{t("recommendations.readOnly")}</p>
        )}
      </Card>
    </div>
  );
}
