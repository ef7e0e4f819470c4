import { PLACE_TYPES } from "@vigil/api/registry";
import { templateSettingsSchema } from "@vigil/api/inputs";
import { isLocale, LOCALE_NAMES, LOCALES } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useSearchParams } from "react-router";
import { Button, buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { CheckboxGroup } from "./CheckboxGroup";
import { SectionTitleForm, SectionView } from "./SectionView";
import { TextField } from "../../ui/TextField";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { parseForm } from "../../lib/parse-form.server";
import { useBusy } from "../../lib/form";
import { pageTitle, useLocale } from "../../lib/locale";
import { editorHandlers } from "./template-editor.server";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/template-version";
import { readForm } from "../../lib/read-form.server";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "templates.title");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    const version = await api.caller.templates.version({ tenantSlug: params.slug, versionId: params.versionId });
    if (version.templateId !== params.templateId) throw redirect(`/t/${params.slug}/templates/${version.templateId}/versions/${version.id}`);
    return { version: { ...version, updatedAt: version.updatedAt.toISOString() } };
  } catch (error) {
    if (error instanceof Response) throw error;
    loaderError(error, request);
  }
}

/** Every editor form lands here: load the draft, apply the edit, save it with the time it was loaded. */
export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const tenantSlug = params.slug;
  const form = await readForm(request);
  type Draft = Awaited<ReturnType<typeof api.caller.templates.version>>;
  type Change = Pick<Parameters<typeof api.caller.templates.updateDraft>[0], "settings" | "content">;
  const save = async (change: (draft: Draft) => Change) => {
    const result = await runAction(api, async () => {
      const draft = await api.caller.templates.version({ tenantSlug, versionId: params.versionId });
      const expectedUpdatedAt = new Date(String(form.get("updatedAt")));
      return api.caller.templates.updateDraft({ tenantSlug, templateId: params.templateId, ...change(draft), expectedUpdatedAt });
    });
    // A saved edit closes its form; the page reloads the draft.
    if (result.ok) throw redirect(`/t/${tenantSlug}/templates/${params.templateId}/versions/${params.versionId}`);
    return data(result, { status: 400 });
  };
  return dispatchIntent(form, {
    saveSettings: () =>
      save((draft) => {
        const languages = form.getAll("languages").map(String).filter(isLocale);
        const { placeTypes } = parseForm(form, templateSettingsSchema.pick({ placeTypes: true }));
        return { settings: { name: String(form.get("name") ?? ""), placeTypes, languages }, content: draft.content };
      }),
    ...editorHandlers(form, (edit) =>
      save((draft) => {
        const languages = draft.languages.filter(isLocale);
        return { settings: { name: draft.template.name, placeTypes: draft.template.placeTypes, languages }, content: edit(draft.content, languages) };
      }),
    ),
  });
}

function SettingsForm({ name, placeTypes, languages, updatedAt }: { name: string; placeTypes: readonly string[]; languages: readonly string[]; updatedAt: string }) {
  const { t } = useTranslation();
  const busy = useBusy("saveSettings");
  return (
    <Card title={t("templates.settingsTitle")} id="settings">
      <Form method="post" className="space-y-4">
        <input type="hidden" name="intent" value="saveSettings" />
        <input type="hidden" name="updatedAt" value={updatedAt} />
        <TextField id="template-name" name="name" label={t("templates.name")} required maxLength={300} defaultValue={name} />
        <CheckboxGroup name="placeTypes" legend={t("templates.placeTypes")} options={PLACE_TYPES.map((type) => ({ value: type, label: t(`placeTypes.${type}`) }))} checked={placeTypes} />
        <CheckboxGroup name="languages" legend={t("templates.languages")} options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))} checked={languages} />
        <Button variant="secondary" busy={busy} busyLabel={t("common.saving")}>{t("templates.saveSettings")}</Button>
      </Form>
    </Card>
  );
}

export default function TemplateVersion({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const [searchParams] = useSearchParams();
  const { version } = loaderData;
  const isDraft = version.version === null;
  const editable = isDraft && roleAtLeast(workspace.role, "coordinator");
  const languages = version.languages.filter(isLocale);
  const name = version.template.name;
  return (
    <div className="space-y-6">
      <Link to={`/t/${workspace.slug}/templates/${version.templateId}`} className="text-sm text-teal-800 underline">{t("templates.backToTemplate", { name })}</Link>
      <PageHeader
        title={isDraft ? t("templates.draftHeading", { name }) : t("templates.versionHeading", { name, version: version.version })}
        lead={isDraft ? undefined : t("templates.readOnly")}
        actions={<a href="export" className={buttonClass("ghost")} download>{isDraft ? t("templates.exportDraft") : t("templates.export", { version: version.version })}</a>}
      />
      <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
      {editable ? <SettingsForm name={name} placeTypes={version.template.placeTypes} languages={version.languages} updatedAt={version.updatedAt} /> : null}
      {version.content.sections.length === 0 ? <p className="text-slate-700">{t("templates.noSections")}</p> : null}
      {version.content.sections.map((section, index) => (
        <SectionView key={section.id} section={section} number={index + 1} languages={languages} locale={locale} editable={editable} updatedAt={version.updatedAt} />
      ))}
      {editable ? (
        searchParams.get("edit") === "newSection" ? (
          <SectionTitleForm languages={languages} updatedAt={version.updatedAt} />
        ) : (
          <Link to="?edit=newSection" className={buttonClass("secondary")}>{t("templates.addSection")}</Link>
        )
      ) : null}
    </div>
  );
}
