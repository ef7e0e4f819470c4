import { LOCALE_NAMES, localeNames, LOCALES } from "@vigil/i18n";
import { PLACE_TYPES } from "@vigil/api/registry";
import { localeSchema, templateSettingsSchema } from "@vigil/api/inputs";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import { Button, buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { FormError } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { CheckboxGroup } from "./CheckboxGroup";
import { TextField } from "../../ui/TextField";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { parseForm } from "../../lib/parse-form.server";
import { fieldError, useBusy } from "../../lib/form";
import { pageTitle } from "../../lib/locale";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/templates";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "templates.title");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    return { templates: await api.caller.templates.list({ tenantSlug: params.slug }) };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const tenantSlug = params.slug;
  // A truncated or malformed body (e.g. an import whose upload broke off) is the sender's fault: a 400, not a 500.
  const form = await request.formData().catch(() => null);
  if (!form) return data({ ok: false as const, intent: "import", message: api.ctx.t("attachmentErrors.malformed"), fieldErrors: {} }, { status: 400 });
  return dispatchIntent(form, {
    import: async (intent) => {
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) {
        return data({ ok: false as const, intent, message: api.ctx.t("templateErrors.fileRequired"), fieldErrors: { file: api.ctx.t("templateErrors.fileRequired") } }, { status: 400 });
      }
      const text = await file.text();
      const result = await runAction(api, () => api.caller.templates.import({ tenantSlug, text }));
      if (result.ok) throw redirect(`/t/${tenantSlug}/templates/${result.result.id}`);
      return data({ ...result, intent }, { status: 400 });
    },
    create: async (intent) => {
      const result = await runAction(api, () =>
        api.caller.templates.create({
          tenantSlug,
          name: String(form.get("name") ?? ""),
          // Only the values are checked here; "at least one language" is the procedure's, so it is refused with the name.
          ...parseForm(form, z.object({ placeTypes: templateSettingsSchema.shape.placeTypes, languages: z.array(localeSchema) })),
        }),
      );
      if (result.ok) throw redirect(`/t/${tenantSlug}/templates/${result.result.id}/versions/${result.result.draftId}`);
      return data({ ...result, intent }, { status: 400 });
    },
  });
}

export default function Templates({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const canEdit = roleAtLeast(workspace.role, "coordinator");
  const creating = useBusy("create");
  const importing = useBusy("import");
  const createResult = actionData?.intent === "create" ? actionData : undefined;
  const importResult = actionData?.intent === "import" ? actionData : undefined;
  return (
    <div className="space-y-6">
      <PageHeader title={t("templates.title")} lead={t("templates.lead")} />
      {loaderData.templates.length === 0 ? (
        <EmptyState
          title={t("templates.emptyTitle")}
          body={t("firstRunEmpty.templatesNoneBody")}
          action={<Link to={`/t/${workspace.slug}/library`} className={buttonClass("primary")}>{t("firstRunEmpty.templatesLibrary")}</Link>}
        />
      ) : (
        <ul aria-label={t("templates.listCaption")} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {loaderData.templates.map((template) => (
            <li key={template.id} className="p-4">
              <Link to={template.id} className="font-medium text-teal-800 underline-offset-2 hover:underline">
                {template.name}
              </Link>
              {template.archivedAt ? <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t("templates.archivedBadge")}</span> : null}
              <p className="text-sm text-slate-600">
                {[
                  template.latestVersion ? t("templates.version", { version: template.latestVersion.version }) : t("templates.notPublished"),
                  template.hasDraft ? t("templates.draftOpen") : null,
                  template.placeTypes.map((type) => t(`placeTypes.${type}`)).join(", "),
                  localeNames(template.languages),
                ].filter(Boolean).join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={t("templates.createTitle")} id="create-template">
            <Form method="post" className="space-y-4">
              <input type="hidden" name="intent" value="create" />
              <FormError message={createResult && !createResult.ok ? createResult.message : undefined} />
              <TextField id="template-name" name="name" label={t("templates.name")} required maxLength={300} error={fieldError(createResult, "name")} />
              <CheckboxGroup name="placeTypes" legend={t("templates.placeTypes")} options={PLACE_TYPES.map((type) => ({ value: type, label: t(`placeTypes.${type}`) }))} checked={[]} />
              <CheckboxGroup name="languages" legend={t("templates.languages")} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} checked={["en"]} error={fieldError(createResult, "languages")} />
              <Button busy={creating} busyLabel={t("common.saving")}>{t("templates.create")}</Button>
            </Form>
          </Card>
          <Card title={t("templates.importTitle")} id="import-template">
            <Form method="post" encType="multipart/form-data" className="space-y-4">
              <input type="hidden" name="intent" value="import" />
              <FormError id="import-error" message={importResult && !importResult.ok ? importResult.message : undefined} />
              <TextField id="template-file" name="file" type="file" accept="application/json,.json" label={t("templates.importFile")} hint={t("templates.importHint")} required />
              <Button busy={importing} busyLabel={t("common.saving")}>{t("templates.importSubmit")}</Button>
            </Form>
          </Card>
        </div>
      ) : null}
    </div>
  );
}
