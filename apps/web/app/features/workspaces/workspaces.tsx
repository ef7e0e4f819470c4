import { slugFromName } from "@vigil/api/slug";
import { isLocale } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Link, redirect } from "react-router";
import { FOCUS_RING } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { NewWorkspaceForm } from "./NewWorkspaceForm";
import { PageHeader } from "../../ui/PageHeader";
import { formFields, loaderError, runAction, serverApi } from "../../lib/api.server";
import { pageTitle } from "../../lib/locale";
import type { Route } from "./+types/workspaces";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "workspaces.title");

export async function loader({ request, context }: Route.LoaderArgs) {
  const api = await serverApi(request, context);
  try {
    const workspaces = await api.caller.workspaces.mine();
    // Just signed in (AFTER_SIGN_IN) with one workspace: straight into it. Otherwise the list.
    if (new URL(request.url).searchParams.has("landing") && workspaces.length === 1) throw redirect(`/t/${workspaces[0]!.slug}`);
    return { workspaces };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const api = await serverApi(request, context);
  const fields = await formFields(request, ["name", "slug", "countryCode", "defaultLocale"] as const);
  const slug = fields.slug.trim() || slugFromName(fields.name);
  const defaultLocale = isLocale(fields.defaultLocale) ? fields.defaultLocale : api.ctx.locale;
  const result = await runAction(api, () => api.caller.workspaces.create({ ...fields, slug, defaultLocale }));
  if (!result.ok) return data({ ...result, values: fields }, { status: 400 });
  return redirect(`/t/${result.result.slug}`);
}

export default function Workspaces({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { workspaces } = loaderData;
  return (
    <div className="space-y-8">
      <PageHeader title={t("workspaces.title")} lead={t("workspaces.lead")} />
      {workspaces.length === 0 ? (
        <EmptyState title={t("workspaces.emptyTitle")} body={t("workspaces.emptyBody")} />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {workspaces.map((workspace) => (
            <li key={workspace.id}>
              <Link to={`/t/${workspace.slug}`} className={`block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-teal-600 ${FOCUS_RING}`}>
                <span className="block font-semibold text-slate-900">{workspace.name}</span>
                <span className="mt-1 block text-sm text-slate-600">
                  {t(`roles.${workspace.role}`)} · {workspace.countryCode}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Card title={t("workspaces.createTitle")} id="create-workspace">
        <NewWorkspaceForm result={actionData} />
      </Card>
    </div>
  );
}
