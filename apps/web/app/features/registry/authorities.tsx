import { authorityFieldsSchema } from "@vigil/api/inputs";
import { LOCALES, localizedName } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useSearchParams } from "react-router";
import { Button, buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { AuthorityForm } from "./AuthorityForm";
import { nameTranslationField } from "./NameTranslationsFieldset";
import { nameTranslationsFrom } from "./name-translations.server";
import { formFields, loaderError, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { pageTitle, useLocale } from "../../lib/locale";
import { parseForm } from "../../lib/parse-form.server";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/authorities";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "authorities.title");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const includeArchived = new URL(request.url).searchParams.get("archived") === "1";
  try {
    return { authorities: await api.caller.authorities.list({ tenantSlug: params.slug, includeArchived }) };
  } catch (error) {
    loaderError(error, request);
  }
}

const FIELDS = ["intent", "authorityId", "kind", "name", "parentId", "contactEmail", ...LOCALES.map(nameTranslationField)] as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const tenantSlug = params.slug;
  const f = await formFields(request, FIELDS);
  const fields = () => ({ kind: parseForm(f, authorityFieldsSchema.pick({ kind: true })).kind, name: f.name, nameTranslations: nameTranslationsFrom(f), parentId: f.parentId || null, contactEmail: f.contactEmail });
  const respond = async <T,>(intent: "create" | "update" | "archive" | "unarchive", work: () => Promise<T>) => {
    const result = await runAction(api, work);
    // A saved edit closes the editing form.
    if (result.ok && intent === "update") throw redirect(`/t/${tenantSlug}/authorities`);
    return data({ ...result, intent, targetId: f.authorityId }, { status: result.ok ? 200 : 400 });
  };
  const setArchived = (archived: boolean) => () => api.caller.authorities.setArchived({ tenantSlug, authorityId: f.authorityId, archived });
  return dispatchIntent(f.intent, {
    create: (intent) => respond(intent, () => api.caller.authorities.create({ tenantSlug, ...fields() })),
    update: (intent) => respond(intent, () => api.caller.authorities.update({ tenantSlug, authorityId: f.authorityId, ...fields() })),
    archive: (intent) => respond(intent, setArchived(true)),
    unarchive: (intent) => respond(intent, setArchived(false)),
  });
}

export default function Authorities({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const [searchParams] = useSearchParams();
  const canEdit = roleAtLeast(workspace.role, "coordinator");
  const editing = searchParams.get("edit");
  const showArchived = searchParams.get("archived") === "1";
  const ministries = loaderData.authorities.filter((a) => a.kind === "ministry" && !a.archivedAt);
  const saved = actionData?.ok && (actionData.intent === "create" || actionData.intent === "update");
  return (
    <div className="space-y-6">
      <PageHeader title={t("authorities.title")} lead={t("authorities.lead")} />
      <FormSuccess message={saved ? t("authorities.saved") : undefined} />
      {canEdit ? (
        <Card title={t("authorities.newTitle")} id="new-authority">
          <AuthorityForm key={saved ? `saved-${loaderData.authorities.length}` : "new"} ministries={ministries} result={actionData} />
        </Card>
      ) : null}
      <Card title={t("authorities.listTitle")} id="authorities">
        <Link to={showArchived ? "." : "?archived=1"} className="text-sm text-teal-800 underline">
          {showArchived ? t("authorities.hideArchived") : t("authorities.showArchived")}
        </Link>
        {loaderData.authorities.length === 0 ? (
          <div className="mt-4">
            <EmptyState headingLevel={3} title={t("authorities.emptyTitle")} body={t("authorities.emptyBody")} />
          </div>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {loaderData.authorities.map((authority) => (
              <li key={authority.id} className="space-y-2 py-3">
                {editing === authority.id && canEdit ? (
                  <AuthorityForm authority={authority} ministries={ministries} result={actionData} />
                ) : (
                  <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                    <div>
                      <p className="font-medium text-slate-900">
                        {localizedName(authority, locale)}
                        {authority.archivedAt ? <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t("authorities.archivedBadge")}</span> : null}
                      </p>
                      <p className="text-sm text-slate-600">
                        {[t(`authorityKinds.${authority.kind}`), authority.parent ? localizedName(authority.parent, locale) : null, authority.contactEmail, t("authorities.placesCount", { count: authority._count.places })].filter(Boolean).join(" · ")}
                      </p>
                      {actionData && !actionData.ok && actionData.targetId === authority.id && editing !== authority.id ? <FormError message={actionData.message} /> : null}
                    </div>
                    {canEdit ? (
                      <div className="flex gap-2">
                        <Link to={`?edit=${authority.id}`} className={buttonClass("ghost")} aria-label={t("authorities.edit", { name: localizedName(authority, locale) })}>
                          {t("places.edit")}
                        </Link>
                        <Form method="post">
                          <input type="hidden" name="intent" value={authority.archivedAt ? "unarchive" : "archive"} />
                          <input type="hidden" name="authorityId" value={authority.id} />
                          <Button variant="ghost">{authority.archivedAt ? t("authorities.unarchive", { name: localizedName(authority, locale) }) : t("authorities.archive", { name: localizedName(authority, locale) })}</Button>
                        </Form>
                      </div>
                    ) : null}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
