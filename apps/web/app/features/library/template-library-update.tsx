import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { FormError } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { pick } from "../templates/SectionView";
import { loaderError, runAction, serverApi } from "../../lib/api.server";
import { useBusy } from "../../lib/form";
import { pageTitle, useLocale } from "../../lib/locale";
import type { Route } from "./+types/template-library-update";
import { readForm } from "../../lib/read-form.server";
import { ForeignName, withNames } from "../../lib/bdi";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "library.updateTitle");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    const input = { tenantSlug: params.slug, templateId: params.templateId };
    const [template, source] = await Promise.all([api.caller.templates.get(input), api.caller.library.importStatus(input)]);
    return { template, source };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const form = await readForm(request);
  const result = await runAction(api, () =>
    api.caller.library.takeUpdate({ tenantSlug: params.slug, templateId: params.templateId, publicationId: String(form.get("publicationId") ?? ""), take: form.getAll("take").map(String) }),
  );
  if (result.ok) throw redirect(`/t/${params.slug}/templates/${params.templateId}/versions/${result.result.draftId}`);
  return data(result, { status: 400 });
}

type Text = Partial<Record<string, string>>;

/**
 * The merge screen: every change since the version last taken, with the publisher's old and new text;
 * ticked changes go into the draft, the others are declined. Changes the workspace also edited are
 * marked and left unticked, so nothing of theirs is replaced without a decision.
 */
export default function TemplateLibraryUpdate({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { template, source } = loaderData;
  const busy = useBusy();
  const update = source?.update;
  const text = (value: Text | undefined) => pick(value, locale, Object.keys(value ?? {}));
  return (
    <div className="space-y-6">
      <Link to=".." relative="path" className="text-sm text-teal-800 underline">{t("library.backToTemplate", { name: template.name })}</Link>
      <PageHeader title={t("library.updateTitle")} lead={source ? withNames(t).t("library.updateLead", { name: <ForeignName name={source.publisherName} />, from: source.sourceVersion, to: update?.version ?? source.sourceVersion }) : undefined} />
      <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
      {!update ? (
        <EmptyState title={t("library.upToDateTitle")} body={t("library.upToDateBody")} />
      ) : (
        <Form method="post" className="space-y-4">
          <input type="hidden" name="publicationId" value={update.publicationId} />
          <Card title={t("library.changesTitle", { count: update.changes.length })} id="changes">
            <fieldset>
              <legend className="mb-3 text-sm text-slate-600">{t("library.changesLegend")}</legend>
              <ul className="space-y-3">
                {update.changes.map((change) => {
                  const before = change.target === "section" ? change.before?.title : change.before?.text;
                  const after = change.target === "section" ? change.after?.title : change.after?.text;
                  const id = `take-${change.key.replace(/[^a-z0-9_-]/gi, "-")}`;
                  return (
                    <li key={change.key} className="rounded-md border border-slate-200 p-3">
                      <div className="flex items-start gap-3">
                        <input id={id} type="checkbox" name="take" value={change.key} defaultChecked={!change.editedLocally} className="mt-1 h-4 w-4" aria-describedby={`${id}-detail`} />
                        <label htmlFor={id} className="font-medium text-slate-900">
                          {t(`library.change.${change.target}.${change.kind}`, { text: text(after ?? before) })}
                        </label>
                      </div>
                      <div id={`${id}-detail`} className="mt-2 space-y-1 pl-7 text-sm">
                        {change.kind === "changed" ? <p className="text-slate-600">{t("library.before", { text: text(before) })}</p> : null}
                        {change.editedLocally ? <p className="text-amber-800">{t("library.editedLocally")}</p> : null}
                      </div>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          </Card>
          <p className="text-sm text-slate-600">{t("library.takeHint")}</p>
          <Button busy={busy} busyLabel={t("common.saving")}>{t("library.takeChanges")}</Button>
        </Form>
      )}
    </div>
  );
}
