import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { AnswerInvitation } from "./AnswerInvitation";
import { forumWhen } from "./forum-when";
import { TextArea } from "../../ui/TextArea";
import { FormError } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { TextField } from "../../ui/TextField";
import { actionRequest, loaderError, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { fieldError, useBusy } from "../../lib/form";
import { pageTitle, useLocale } from "../../lib/locale";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/forums";
import { ForeignName, withNames, joinNodes } from "../../lib/bdi";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "forums.title");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  try {
    return { forums: await api.caller.forums.list({ tenantSlug: params.slug }) };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { api, form, field } = await actionRequest(request, context, params);
  return dispatchIntent(form, {
    respond: async (intent) => {
      const forumId = field("forumId");
      const accept = field("answer") === "accept";
      const result = await runAction(api, () => api.caller.forums.respond({ tenantSlug: params.slug, forumId, accept }));
      if (result.ok && accept) throw redirect(`/t/${params.slug}/forums/${forumId}`);
      return data({ ...result, intent }, { status: result.ok ? 200 : 400 });
    },
    create: async (intent) => {
      const result = await runAction(api, () =>
        api.caller.forums.create({ tenantSlug: params.slug, name: field("name"), startsOn: field("startsOn"), endsOn: field("endsOn"), place: field("place"), description: field("description") }),
      );
      if (result.ok) throw redirect(`/t/${params.slug}/forums/${result.result.id}`);
      return data({ ...result, intent }, { status: 400 });
    },
  });
}

export default function Forums({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const isAdmin = roleAtLeast(workspace.role, "admin");
  const creating = useBusy("create");
  const invitations = loaderData.forums.filter((f) => f.status === "invited");
  const forums = loaderData.forums.filter((f) => f.status === "accepted");
  const createResult = actionData?.intent === "create" ? actionData : undefined;
  return (
    <div className="space-y-6">
      <PageHeader title={t("forums.title")} lead={t("forums.lead")} />
      <FormError message={actionData && !actionData.ok && actionData.intent === "respond" ? actionData.message : undefined} />
      {invitations.length > 0 ? (
        <Card title={t("forums.invitationsTitle")} id="invitations">
          <ul className="divide-y divide-slate-100">
            {invitations.map((f) => (
              <li key={f.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div>
                  <Link to={f.id} className="font-medium text-teal-800 underline">{f.name}</Link>
                  <p className="text-sm text-slate-600">{joinNodes([withNames(t).t("forums.organisedBy", { name: <ForeignName name={f.organiserName} /> }), forumWhen(locale, f)])}</p>
                </div>
                {isAdmin ? <AnswerInvitation forumId={f.id} forumName={f.name} /> : <p className="text-sm text-slate-600">{t("forums.adminsAnswer")}</p>}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {forums.length === 0 ? (
        <EmptyState title={t("forums.emptyTitle")} body={t("forums.emptyBody")} />
      ) : (
        <ul aria-label={t("forums.listCaption")} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {forums.map((f) => (
            <li key={f.id} className="p-4">
              <Link to={f.id} className="font-medium text-teal-800 underline-offset-2 hover:underline">{f.name}</Link>
              <p className="text-sm text-slate-600">{joinNodes([f.organiser ? t("forums.youOrganise") : withNames(t).t("forums.organisedBy", { name: <ForeignName name={f.organiserName} /> }), forumWhen(locale, f)])}</p>
            </li>
          ))}
        </ul>
      )}
      {isAdmin ? (
        <Card title={t("forums.createTitle")} id="create-forum">
          <Form method="post" className="space-y-4">
            <input type="hidden" name="intent" value="create" />
            <FormError message={createResult && !createResult.ok ? createResult.message : undefined} />
            <TextField name="name" label={t("forums.name")} required maxLength={300} error={fieldError(createResult, "name")} />
            <div className="grid gap-4 sm:grid-cols-3">
              <TextField name="startsOn" type="date" label={t("forums.startsOn")} error={fieldError(createResult, "startsOn")} />
              <TextField name="endsOn" type="date" label={t("forums.endsOn")} error={fieldError(createResult, "endsOn")} />
              <TextField name="place" label={t("forums.place")} maxLength={300} />
            </div>
            <TextArea name="description" label={t("forums.description")} rows={3} maxLength={10_000} />
            <Button busy={creating} busyLabel={t("common.saving")}>{t("forums.create")}</Button>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
