import { formatDate, LOCALE_NAMES, LOCALES, localizedName, type Locale } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Form, Link } from "react-router";
import { actionRequest, loaderError, runAction, serverApi } from "../../lib/api.server";
import { fieldError, useBusy } from "../../lib/form";
import { dispatchIntent } from "../../lib/intent";
import { pageTitle, useLocale } from "../../lib/locale";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { SelectField } from "../../ui/SelectField";
import { TextArea } from "../../ui/TextArea";
import { JointVisitMentions } from "./JointVisitMentions";
import type { Route } from "./+types/public-site";
import { postTitleIn } from "./post-version";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "publicSite.title");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    return await api.inWorkspace(params.slug, async (caller) => {
      const [settings, posts, reports, jointVisits] = await Promise.all([
        caller.publicSite.settings({ tenantSlug: params.slug }),
        caller.publicSite.posts({ tenantSlug: params.slug }),
        caller.publicSite.reports({ tenantSlug: params.slug }),
        caller.publicSite.jointVisits({ tenantSlug: params.slug }),
      ]);
      return { settings, posts, reports, jointVisits };
    });
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { api, form, field } = await actionRequest(request, context, params);
  const tenantSlug = params.slug;
  const answer = <T,>(intent: string, result: Awaited<ReturnType<typeof runAction<T>>>) =>
    data({ ok: result.ok, message: result.ok ? undefined : result.message, fieldErrors: result.ok ? undefined : result.fieldErrors, intent, targetId: field("id") }, { status: result.ok ? 200 : 400 });
  return dispatchIntent(form, {
    saveSettings: async (intent) => {
      const first = field("defaultLanguage");
      const chosen = LOCALES.filter((locale) => form.getAll("languages").includes(locale) || locale === first);
      const languages = first && chosen.includes(first as Locale) ? [first as Locale, ...chosen.filter((l) => l !== first)] : chosen;
      const mandate = Object.fromEntries(LOCALES.map((locale) => [locale, field(`mandate-${locale}`)]));
      return answer(intent, await runAction(api, () => api.caller.publicSite.saveSettings({ tenantSlug, enabled: field("enabled") === "on", languages, mandate })));
    },
    publishPost: async (intent) => answer(intent, await runAction(api, () => api.caller.publicSite.publishPost({ tenantSlug, postId: field("id") }))),
    unpublishPost: async (intent) => answer(intent, await runAction(api, () => api.caller.publicSite.unpublishPost({ tenantSlug, postId: field("id") }))),
    publishReport: async (intent) => answer(intent, await runAction(api, () => api.caller.publicSite.publishReport({ tenantSlug, reportId: field("id") }))),
    unpublishReport: async (intent) => answer(intent, await runAction(api, () => api.caller.publicSite.unpublishReport({ tenantSlug, reportId: field("id") }))),
    mentionJointVisit: async (intent) => answer(intent, await runAction(api, () => api.caller.publicSite.mentionJointVisit({ tenantSlug, hostTenantId: field("hostTenantId"), visitId: field("visitId") }))),
    unmentionJointVisit: async (intent) => answer(intent, await runAction(api, () => api.caller.publicSite.unmentionJointVisit({ tenantSlug, hostTenantId: field("hostTenantId"), visitId: field("visitId") }))),
  });
}

export default function PublicSite({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const saving = useBusy("saveSettings");
  const { settings, posts, reports, jointVisits } = loaderData;
  const settingsResult = actionData?.intent === "saveSettings" ? actionData : undefined;
  const address = `/p/${params.slug}`;
  const languagesError = fieldError(settingsResult, "languages");
  const day = (date: Date | string) => formatDate(locale, new Date(date), "medium", "UTC");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("publicSite.title")}
        lead={t("publicSite.lead")}
        actions={settings.enabled ? <a className="font-medium text-teal-800 underline" href={address}>{t("publicSite.open", { address })}</a> : null}
      />
      <FormError message={actionData && !actionData.ok && actionData.intent !== "saveSettings" ? actionData.message : undefined} />

      <Card title={t("publicSite.settingsTitle")} id="site-settings">
        <Form method="post" className="space-y-4">
          <input type="hidden" name="intent" value="saveSettings" />
          <FormError message={settingsResult && !settingsResult.ok ? settingsResult.message : undefined} />
          <FormSuccess message={settingsResult?.ok ? t("publicSite.settingsSaved") : undefined} />
          <label className="flex items-center gap-2">
            <input type="checkbox" name="enabled" defaultChecked={settings.enabled} className="h-5 w-5" />
            <span className="font-medium">{t("publicSite.enabled", { address })}</span>
          </label>
          <fieldset>
            <legend className="font-medium">{t("publicSite.languages")}</legend>
            <p className="text-sm text-slate-600">{t("publicSite.languagesHint")}</p>
            <div className="mt-2 flex flex-wrap gap-4">
              {LOCALES.map((l) => (
                <label key={l} className="flex items-center gap-2">
                  <input type="checkbox" name="languages" value={l} defaultChecked={settings.languages.includes(l)} className="h-5 w-5" />
                  <span lang={l}>{LOCALE_NAMES[l]}</span>
                </label>
              ))}
            </div>
            {languagesError ? <p className="mt-1 text-sm text-red-700">{languagesError}</p> : null}
          </fieldset>
          <SelectField
            name="defaultLanguage"
            label={t("publicSite.defaultLanguage")}
            defaultValue={settings.languages[0] ?? locale}
            options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
          />
          <details>
            <summary className="cursor-pointer font-medium">{t("publicSite.mandate")}</summary>
            <div className="mt-2 space-y-3">
              {LOCALES.map((l) => (
                <TextArea key={l} name={`mandate-${l}`} lang={l} label={t("publicSite.mandateIn", { language: LOCALE_NAMES[l] })} rows={3} maxLength={4000} defaultValue={settings.mandate[l] ?? ""} />
              ))}
            </div>
          </details>
          <Button busy={saving} busyLabel={t("common.saving")}>{t("publicSite.saveSettings")}</Button>
        </Form>
      </Card>

      <Card title={t("publicSite.newsTitle")} id="site-news">
        <p className="mb-4">
          <Link to="posts/new" className="font-medium text-teal-800 underline">{t("publicSite.newPost")}</Link>
        </p>
        {posts.length === 0 ? (
          <EmptyState title={t("publicSite.noPostsTitle")} body={t("publicSite.noPostsBody")} headingLevel={3} />
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t("publicSite.newsTitle")}>
            {posts.map((post) => {
              const title = postTitleIn(post, locale);
              return (
                <li key={post.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div>
                    <Link to={`posts/${post.id}`} className="font-medium text-teal-800 underline">{title}</Link>
                    <p className="text-sm text-slate-600">
                      {t(`publicSite.state.${post.state}`)}
                      {post.publishedAt ? ` · ${day(post.publishedAt)}` : ""}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-3">
                    <a href={`/t/${params.slug}/public-site/posts/${post.id}/preview`} className="text-sm text-teal-800 underline">{t("publicSite.preview")}<span className="sr-only">: {title}</span></a>
                    <Form method="post">
                      <input type="hidden" name="id" value={post.id} />
                      {post.state === "draft" ? (
                        <Button name="intent" value="publishPost" variant="secondary">{t("publicSite.publish")}<span className="sr-only">: {title}</span></Button>
                      ) : (
                        <Button name="intent" value="unpublishPost" variant="secondary">{t("publicSite.unpublish")}<span className="sr-only">: {title}</span></Button>
                      )}
                    </Form>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>

      <Card title={t("publicSite.reportsTitle")} id="site-reports">
        {reports.length === 0 ? (
          <EmptyState title={t("publicSite.noReportsTitle")} body={t("publicSite.noReportsBody")} headingLevel={3} />
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t("publicSite.reportsTitle")}>
            {reports.map((report) => {
              const place = localizedName(report.visit.place, locale);
              return (
                <li key={report.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div>
                    <Link to={`reports/${report.id}`} className="font-medium text-teal-800 underline">{t("publicSite.reportOf", { place, date: day(report.visit.plannedStart) })}</Link>
                    <p className="text-sm text-slate-600">
                      {report.publishedAt ? t("publicSite.publishedSince", { date: day(report.publishedAt) }) : t("publicSite.notPublished")}
                      {report.withheldCount > 0 ? ` · ${t("publicSite.withheldCount", { count: report.withheldCount })}` : ""}
                    </p>
                  </div>
                  <Form method="post">
                    <input type="hidden" name="id" value={report.id} />
                    {report.publishedAt ? (
                      <Button name="intent" value="unpublishReport" variant="secondary">{t("publicSite.unpublish")}<span className="sr-only">: {place}</span></Button>
                    ) : (
                      <Button name="intent" value="publishReport" variant="secondary">{t("publicSite.publish")}<span className="sr-only">: {place}</span></Button>
                    )}
                  </Form>
                </li>
              );
            })}
          </ul>
        )}
      </Card>

      <JointVisitMentions visits={jointVisits} />
    </div>
  );
}
