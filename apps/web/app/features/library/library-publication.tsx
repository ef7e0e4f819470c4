import { formatDate, localeNames } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { ContentPreview } from "./ContentPreview";
import { PageHeader } from "../../ui/PageHeader";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { useBusy } from "../../lib/form";
import { pageTitle, useLocale } from "../../lib/locale";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/library-publication";
import { readForm } from "../../lib/read-form.server";
import { ForeignName, withNames, joinNodes } from "../../lib/bdi";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "library.title");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    return { publication: await api.caller.library.get({ tenantSlug: params.slug, publicationId: params.publicationId }) };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const input = { tenantSlug: params.slug, publicationId: params.publicationId };
  return dispatchIntent(await readForm(request), {
    import: async (intent) => {
      const result = await runAction(api, () => api.caller.library.import(input));
      if (result.ok) throw redirect(`/t/${params.slug}/templates/${result.result.id}`);
      return data({ ...result, intent }, { status: 400 });
    },
    unpublish: async (intent) => {
      const result = await runAction(api, () => api.caller.library.unpublish(input));
      return data({ ...result, intent }, { status: result.ok ? 200 : 400 });
    },
  });
}

export default function LibraryPublication({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const { publication } = loaderData;
  const canEdit = roleAtLeast(workspace.role, "coordinator");
  const importing = useBusy("import");
  const unpublishing = useBusy("unpublish");
  return (
    <div className="space-y-6">
      <Link to={`/t/${workspace.slug}/library`} className="text-sm text-teal-800 underline">{t("library.backToList")}</Link>
      <PageHeader
        title={publication.name}
        lead={joinNodes([
          withNames(t).t("library.byPublisher", { name: <ForeignName name={publication.publisherName} /> }),
          t("library.version", { version: publication.version }),
          publication.forumName ? t("library.inForum", { name: publication.forumName }) : t("library.everyone"),
          localeNames(publication.languages),
          formatDate(locale, publication.publishedAt),
        ])}
      />
      <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
      <FormSuccess message={actionData?.ok && actionData.intent === "unpublish" ? t("library.unpublished") : undefined} />
      {publication.unpublishedAt ? <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("library.unpublishedNotice")}</p> : null}
      {canEdit ? (
        <Card title={publication.own ? t("library.ownTitle") : t("library.importTitle")} id="import">
          {publication.own ? (
            publication.unpublishedAt ? null : (
              <Form method="post" className="space-y-2">
                <input type="hidden" name="intent" value="unpublish" />
                <p className="text-sm text-slate-600">{t("library.unpublishHint")}</p>
                <Button variant="danger" busy={unpublishing}>{t("library.unpublish")}</Button>
              </Form>
            )
          ) : (
            <Form method="post" className="space-y-2">
              <input type="hidden" name="intent" value="import" />
              <p className="text-sm text-slate-600">{t("library.importHint")}</p>
              {publication.imports.length > 0 ? (
                <ul className="text-sm text-slate-700">
                  {publication.imports.map((i) => (
                    <li key={i.templateId}>
                      <Link to={`/t/${workspace.slug}/templates/${i.templateId}`} className="text-teal-800 underline">{t("library.alreadyImported", { name: i.name, version: i.sourceVersion })}</Link>
                    </li>
                  ))}
                </ul>
              ) : null}
              <Button busy={importing} busyLabel={t("common.saving")}>{t("library.import")}</Button>
            </Form>
          )}
        </Card>
      ) : null}
      <Card title={t("library.previewTitle")} id="preview">
        <ContentPreview content={publication.content} languages={publication.languages} locale={locale} />
      </Card>
    </div>
  );
}
