import { formatDate, LOCALE_NAMES, LOCALES, localizedName, type Locale } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import { emptyUpload, maxAttachmentBytes, MultipartError, receiveMultipart } from "@vigil/api/evidence-files";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { fieldError, useBusy } from "../../lib/form";
import { dispatchIntent } from "../../lib/intent";
import { pageTitle, useLocale } from "../../lib/locale";
import { readForm } from "../../lib/read-form.server";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { SelectField } from "../../ui/SelectField";
import { TextArea } from "../../ui/TextArea";
import { TextField } from "../../ui/TextField";
import type { Route } from "./+types/public-site-post";
import { postTitleIn } from "./post-version";

/** Writing one news post (new, or /posts/:postId): its language versions, links, and publishing. */
export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "publicSite.postTitle");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    return await api.inWorkspace(params.slug, async (caller) => {
      const [settings, post, reports, forums, places] = await Promise.all([
        caller.publicSite.settings({ tenantSlug: params.slug }),
        params.postId ? caller.publicSite.post({ tenantSlug: params.slug, postId: params.postId }) : Promise.resolve(null),
        caller.publicSite.reports({ tenantSlug: params.slug }),
        caller.forums.list({ tenantSlug: params.slug }),
        caller.places.list({ tenantSlug: params.slug, limit: 100 }),
      ]);
      // The linked place stays on offer even when it is archived or beyond the first hundred.
      const linked = post?.placeId && !places.places.some((p) => p.id === post.placeId) ? [await caller.places.get({ tenantSlug: params.slug, placeId: post.placeId })] : [];
      return { settings, post, reports, forums: forums.filter((f) => f.status === "accepted"), places: [...linked, ...places.places].map(({ id, name, nameTranslations, type }) => ({ id, name, nameTranslations, type })) };
    });
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  // The image arrives as multipart/form-data and is streamed into the procedure (nothing buffered here).
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    try {
      return await receiveMultipart(request, maxAttachmentBytes(), async ({ fields, file }) => {
        const alt = Object.fromEntries(LOCALES.map((l) => [l, fields[`alt-${l}`] ?? ""]));
        const result = await runAction(api, () =>
          api.caller.publicSite.setPostImage({ tenantSlug: params.slug, postId: params.postId ?? "", fileName: file?.fileName ?? "", content: file?.content ?? emptyUpload(), alt }),
        );
        return result.ok
          ? data({ ok: true, intent: "image", message: undefined, fieldErrors: undefined })
          : data({ ok: false, intent: "image", message: result.message, fieldErrors: result.fieldErrors }, { status: 400 });
      });
    } catch (error) {
      if (!(error instanceof MultipartError)) throw error;
      return data({ ok: false, intent: "image", message: api.ctx.t("attachmentErrors.malformed"), fieldErrors: undefined }, { status: 400 });
    }
  }
  const form = await readForm(request);
  const field = (name: string) => String(form.get(name) ?? "");
  const tenantSlug = params.slug;
  const postId = params.postId;
  const failed = (intent: string, result: { message: string; fieldErrors: Record<string, string> }) => data({ ok: false, intent, message: result.message, fieldErrors: result.fieldErrors }, { status: 400 });
  return dispatchIntent(form, {
    save: async (intent) => {
      const translations = LOCALES.filter((l) => field(`title-${l}`).trim()).map((language) => ({ language, title: field(`title-${language}`), body: field(`body-${language}`) }));
      const result = await runAction(api, () =>
        api.caller.publicSite.savePost({ tenantSlug, postId: postId ?? null, slug: field("slug"), translations, reportId: field("reportId") || null, forumId: field("forumId") || null, placeId: field("placeId") || null }),
      );
      if (!result.ok) return failed(intent, result);
      if (!postId) throw redirect(`/t/${tenantSlug}/public-site/posts/${result.result.id}`);
      return data({ ok: true, intent, message: undefined, fieldErrors: undefined });
    },
    publish: async (intent) => {
      const at = field("publishAt");
      const result = await runAction(api, () => api.caller.publicSite.publishPost({ tenantSlug, postId: postId ?? "", publishAt: at ? `${at}:00Z` : null }));
      return result.ok ? data({ ok: true, intent, message: undefined, fieldErrors: undefined }) : failed(intent, result);
    },
    unpublish: async (intent) => {
      const result = await runAction(api, () => api.caller.publicSite.unpublishPost({ tenantSlug, postId: postId ?? "" }));
      return result.ok ? data({ ok: true, intent, message: undefined, fieldErrors: undefined }) : failed(intent, result);
    },
    delete: async (intent) => {
      const result = await runAction(api, () => api.caller.publicSite.deletePost({ tenantSlug, postId: postId ?? "" }));
      if (!result.ok) return failed(intent, result);
      throw redirect(`/t/${tenantSlug}/public-site`);
    },
  });
}

export default function PublicSitePost({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { settings, post, reports, forums, places } = loaderData;
  const saving = useBusy("save");
  const languages: Locale[] = settings.languages.length > 0 ? [...settings.languages, ...LOCALES.filter((l) => !settings.languages.includes(l))] : [...LOCALES];
  const version = (l: Locale) => post?.translations.find((tr) => tr.language === l);
  const saveResult = actionData?.intent === "save" ? actionData : undefined;
  const translationsError = fieldError(saveResult, "translations");
  const title = post ? postTitleIn(post, locale) : t("publicSite.newPost");
  return (
    <div className="space-y-6">
      <PageHeader title={title} lead={post ? t(`publicSite.state.${post.state}`) + (post.publishedAt ? ` · ${formatDate(locale, post.publishedAt, "medium")}` : "") : t("publicSite.postLead")} />
      <p><Link to=".." relative="path" className="text-teal-800 underline">{t("publicSite.back")}</Link></p>
      <FormError message={actionData && !actionData.ok && actionData.intent !== "save" && actionData.intent !== "image" ? actionData.message : undefined} />
      <FormSuccess message={actionData?.ok ? t(`publicSite.done.${actionData.intent}`) : undefined} />
      <Card title={t("publicSite.postContent")} id="post-content">
        <Form method="post" className="space-y-4">
          <input type="hidden" name="intent" value="save" />
          <FormError message={saveResult && !saveResult.ok ? saveResult.message : undefined} />
          <TextField name="slug" label={t("publicSite.slug")} hint={t("publicSite.slugHint")} required maxLength={100} defaultValue={post?.slug ?? ""} error={fieldError(saveResult, "slug")} />
          {languages.map((l, index) => (
            <fieldset key={l} className="space-y-3 rounded-md border border-slate-200 p-3">
              <legend className="px-1 font-medium">{LOCALE_NAMES[l]}</legend>
              <TextField name={`title-${l}`} lang={l} label={t("publicSite.postTitleField")} maxLength={300} defaultValue={version(l)?.title ?? ""} required={index === 0 && !post} />
              <TextArea name={`body-${l}`} lang={l} label={t("publicSite.body")} hint={t("publicSite.bodyHint")} rows={index === 0 ? 10 : 5} maxLength={50_000} defaultValue={version(l)?.body ?? ""} />
            </fieldset>
          ))}
          {translationsError ? <p className="text-sm text-red-700">{translationsError}</p> : null}
          <SelectField
            name="reportId"
            label={t("publicSite.linkReport")}
            defaultValue={post?.reportId ?? ""}
            error={fieldError(saveResult, "reportId")}
            options={[{ value: "", label: t("publicSite.noLink") }, ...reports.map((r) => ({ value: r.id, label: t("publicSite.reportOf", { place: localizedName(r.visit.place, locale), date: formatDate(locale, r.visit.plannedStart, "medium", "UTC") }) }))]}
          />
          <SelectField
            name="forumId"
            label={t("publicSite.linkForum")}
            defaultValue={post?.forumId ?? ""}
            options={[{ value: "", label: t("publicSite.noLink") }, ...forums.map((f) => ({ value: f.id, label: f.name }))]}
          />
          <SelectField
            name="placeId"
            label={t("publicSite.linkPlace")}
            defaultValue={post?.placeId ?? ""}
            error={fieldError(saveResult, "placeId")}
            options={[{ value: "", label: t("publicSite.noLink") }, ...places.map((p) => ({ value: p.id, label: `${localizedName(p, locale)} (${t(`visitPlaceTypes.${p.type}`)})` }))]}
          />
          <Button busy={saving} busyLabel={t("common.saving")}>{post ? t("publicSite.savePost") : t("publicSite.createDraft")}</Button>
        </Form>
      </Card>
      {post ? (
        <Card title={t("publicSite.image")} id="post-image">
          <Form method="post" encType="multipart/form-data" className="space-y-3">
            <p className="text-sm text-slate-600">{post.imageContentType ? t("publicSite.hasImage") : t("publicSite.noImage")}</p>
            <FormError message={actionData && !actionData.ok && actionData.intent === "image" ? actionData.message : undefined} />
            <TextField name="file" type="file" accept="image/jpeg,image/png" label={t("publicSite.imageFile")} hint={t("publicSite.imageHint")} required />
            {languages.filter((l) => version(l)).map((l) => (
              <TextField key={l} name={`alt-${l}`} lang={l} label={t("publicSite.imageAlt", { language: LOCALE_NAMES[l] })} maxLength={500} />
            ))}
            <Button variant="secondary">{t("publicSite.uploadImage")}</Button>
          </Form>
        </Card>
      ) : null}
      {post ? (
        <Card title={t("publicSite.publishing")} id="post-publishing">
          <div className="space-y-4">
            <p><a href={`/t/${params.slug}/public-site/posts/${post.id}/preview`} className="font-medium text-teal-800 underline">{t("publicSite.previewPost")}</a></p>
            {post.state === "draft" ? (
              <Form method="post" className="space-y-3">
                <TextField name="publishAt" type="datetime-local" label={t("publicSite.publishAt")} hint={t("publicSite.publishAtHint")} error={fieldError(actionData, "publishAt", "publish")} />
                <Button name="intent" value="publish">{t("publicSite.publish")}</Button>
              </Form>
            ) : (
              <Form method="post">
                <Button name="intent" value="unpublish" variant="secondary">{t("publicSite.unpublish")}</Button>
              </Form>
            )}
            <Form method="post">
              <Button name="intent" value="delete" variant="danger">{t("publicSite.deletePost")}</Button>
            </Form>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
