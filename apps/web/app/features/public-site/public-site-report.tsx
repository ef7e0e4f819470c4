import { formatDate } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Form, Link } from "react-router";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { useBusy } from "../../lib/form";
import { dispatchIntent } from "../../lib/intent";
import { pageTitle, useLocale } from "../../lib/locale";
import { readForm } from "../../lib/read-form.server";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import type { Route } from "./+types/public-site-report";

/** Publishing one sent report: what it withholds, a preview of exactly what will be public, publish or unpublish. */
export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "publicSite.reportPageTitle");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    return { publication: await api.caller.publicSite.report({ tenantSlug: params.slug, reportId: params.reportId }) };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const form = await readForm(request);
  const tenantSlug = params.slug;
  const reportId = params.reportId;
  const answer = (intent: string, result: { ok: boolean; message?: string }) => data({ ok: result.ok, intent, message: result.ok ? undefined : result.message }, { status: result.ok ? 200 : 400 });
  return dispatchIntent(form, {
    withhold: async (intent) =>
      answer(intent, await runAction(api, () => api.caller.publicSite.setWithheld({
        tenantSlug, reportId,
        withheldRecommendationIds: form.getAll("withheldRecommendation").map(String),
        withheldUpdateIds: form.getAll("withheldUpdate").map(String),
      }))),
    publish: async (intent) => answer(intent, await runAction(api, () => api.caller.publicSite.publishReport({ tenantSlug, reportId }))),
    unpublish: async (intent) => answer(intent, await runAction(api, () => api.caller.publicSite.unpublishReport({ tenantSlug, reportId }))),
  });
}

export default function PublicSiteReport({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { publication } = loaderData;
  const saving = useBusy("withhold");
  const withheldRecommendations = new Set(publication.withheldRecommendationIds);
  const withheldUpdates = new Set(publication.withheldUpdateIds);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("publicSite.reportPageTitle")}
        lead={publication.publishedAt ? t("publicSite.publishedSince", { date: formatDate(locale, publication.publishedAt) }) : t("publicSite.notPublished")}
      />
      <p className="flex flex-wrap gap-4">
        <Link to="../.." relative="path" className="text-teal-800 underline">{t("publicSite.back")}</Link>
        <Link to={`/t/${params.slug}/visits/${publication.visitId}/report`} className="text-teal-800 underline">{t("publicSite.openReport")}</Link>
      </p>
      <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
      <FormSuccess message={actionData?.ok ? t(`publicSite.done.${actionData.intent}`) : undefined} />
      <Card title={t("publicSite.withholdTitle")} id="withhold">
        <Form method="post" className="space-y-4">
          <input type="hidden" name="intent" value="withhold" />
          <p className="text-sm text-slate-600">{t("publicSite.withholdLead")}</p>
          <ol className="space-y-3">
            {publication.recommendations.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-200 p-3">
                <label className="flex items-start gap-2">
                  <input type="checkbox" name="withheldRecommendation" value={r.id} defaultChecked={withheldRecommendations.has(r.id)} className="mt-1 h-5 w-5" />
                  <span><strong>{t("publicSite.withholdRecommendation", { number: r.number })}</strong> {r.text}</span>
                </label>
                {r.updates.length > 0 ? (
                  <ul className="mt-2 ml-7 space-y-1 text-sm">
                    {r.updates.map((u) => (
                      <li key={u.id}>
                        <label className="flex items-start gap-2">
                          <input type="checkbox" name="withheldUpdate" value={u.id} defaultChecked={withheldUpdates.has(u.id)} className="mt-0.5 h-4 w-4" />
                          <span>{t("publicSite.withholdResponse", { date: formatDate(locale, u.occurredOn, "medium", "UTC"), status: t(`recommendations.status.${u.resultingStatus}`) })}: {u.text}</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
          <Button busy={saving} busyLabel={t("common.saving")} variant="secondary">{t("publicSite.saveWithheld")}</Button>
        </Form>
      </Card>
      <Card title={t("publicSite.publishing")} id="report-publishing">
        <div className="space-y-3">
          <p><a href={`/t/${params.slug}/public-site/reports/${params.reportId}/preview`} className="font-medium text-teal-800 underline">{t("publicSite.previewReport")}</a></p>
          <Form method="post">
            {publication.publishedAt ? (
              <Button name="intent" value="unpublish" variant="danger">{t("publicSite.unpublish")}</Button>
            ) : (
              <Button name="intent" value="publish">{t("publicSite.publish")}</Button>
            )}
          </Form>
        </div>
      </Card>
    </div>
  );
}
