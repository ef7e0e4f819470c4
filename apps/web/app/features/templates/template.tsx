import { formatDate, localeNames } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import { Button, buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { TemplateLibraryPanel } from "../library/TemplateLibraryPanel";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { loadTemplateLibrary, templateLibraryHandlers } from "../library/template-library.server";
import { useBusy } from "../../lib/form";
import { pageTitle, useLocale } from "../../lib/locale";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/template";
import { readForm } from "../../lib/read-form.server";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "templates.title");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    // Independent reads (each caller call is its own transaction), so they run side by side.
    const [template, library] = await Promise.all([
      api.caller.templates.get({ tenantSlug: params.slug, templateId: params.templateId }),
      loadTemplateLibrary(api, params.slug, params.templateId),
    ]);
    return { template, library };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const input = { tenantSlug: params.slug, templateId: params.templateId };
  const form = await readForm(request);
  const respond = async <T,>(intent: "discardDraft" | "archive" | "unarchive", work: () => Promise<T>) => {
    const result = await runAction(api, work);
    return data({ ...result, intent, version: null }, { status: result.ok ? 200 : 400 });
  };
  return dispatchIntent(form, {
    ...templateLibraryHandlers(api, params.slug, form),
    newDraft: async (intent) => {
      const created = await runAction(api, () => api.caller.templates.createDraft(input));
      if (created.ok) throw redirect(`/t/${params.slug}/templates/${params.templateId}/versions/${created.result.id}`);
      return data({ ...created, intent, version: null }, { status: 400 });
    },
    publish: async (intent) => {
      const published = await runAction(api, () => api.caller.templates.publish(input));
      return data({ ...published, intent, version: published.ok ? published.result.version : null }, { status: published.ok ? 200 : 400 });
    },
    discardDraft: (intent) => respond(intent, () => api.caller.templates.discardDraft(input)),
    archive: (intent) => respond(intent, () => api.caller.templates.setArchived({ ...input, archived: true })),
    unarchive: (intent) => respond(intent, () => api.caller.templates.setArchived({ ...input, archived: false })),
  });
}

function IntentButton({ intent, label, variant = "secondary" }: { intent: string; label: string; variant?: "primary" | "secondary" | "ghost" }) {
  const busy = useBusy(intent);
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <Button variant={variant} busy={busy}>{label}</Button>
    </Form>
  );
}

export default function Template({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const { template } = loaderData;
  const canEdit = roleAtLeast(workspace.role, "coordinator");
  const latest = template.versions[0];
  const nextVersion = (latest?.version ?? 0) + 1;
  return (
    <div className="space-y-6">
      <Link to={`/t/${workspace.slug}/templates`} className="text-sm text-teal-800 underline">{t("templates.backToList")}</Link>
      <PageHeader
        title={template.name}
        lead={[template.placeTypes.map((type) => t(`placeTypes.${type}`)).join(", "), localeNames((template.draft ?? latest)?.languages ?? [])].filter(Boolean).join(" · ")}
      />
      <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
      <FormSuccess message={actionData?.ok && actionData.intent === "publish" ? t("templates.published", { version: actionData.version }) : undefined} />
      {template.archivedAt ? <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("templates.archivedNotice")}</p> : null}
      <Card title={t("templates.draftTitle")} id="draft">
        {template.draft ? (
          <div className="flex flex-wrap gap-2">
            <Link to={`versions/${template.draft.id}`} className={buttonClass("secondary")}>{t("templates.viewDraft")}</Link>
            <a href={`versions/${template.draft.id}/export`} className={buttonClass("ghost")} download>{t("templates.exportDraft")}</a>
            {canEdit ? (
              <>
                <IntentButton intent="publish" variant="primary" label={t("templates.publish", { version: nextVersion })} />
                {latest ? <IntentButton intent="discardDraft" variant="ghost" label={t("templates.discardDraft")} /> : null}
              </>
            ) : null}
          </div>
        ) : (
          <div className="space-y-3">
            <p className="text-slate-700">{t("templates.noDraft")}</p>
            {canEdit && latest ? <IntentButton intent="newDraft" label={t("templates.newDraft", { version: latest.version })} /> : null}
          </div>
        )}
        {template.draft && canEdit ? <p className="mt-3 text-sm text-slate-600">{t("templates.publishHint")}</p> : null}
      </Card>
      <Card title={t("templates.versionsTitle")} id="versions">
        {template.versions.length === 0 ? (
          <p className="text-slate-700">{t("templates.noVersions")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {template.versions.map((version) => (
              <li key={version.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <Link to={`versions/${version.id}`} className="font-medium text-teal-800 underline">{t("templates.view", { version: version.version })}</Link>
                  <p className="text-sm text-slate-600">
                    {version.publishedBy
                      ? t("templates.publishedOn", { date: formatDate(locale, version.publishedAt!), name: version.publishedBy.name })
                      : t("templates.publishedOnBy", { date: formatDate(locale, version.publishedAt!) })}
                  </p>
                </div>
                <a href={`versions/${version.id}/export`} className={buttonClass("ghost")} download>{t("templates.export", { version: version.version })}</a>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <TemplateLibraryPanel library={loaderData.library} versions={template.versions} canEdit={canEdit} />
      {canEdit ? <IntentButton intent={template.archivedAt ? "unarchive" : "archive"} variant="ghost" label={template.archivedAt ? t("templates.unarchive") : t("templates.archive")} /> : null}
    </div>
  );
}
