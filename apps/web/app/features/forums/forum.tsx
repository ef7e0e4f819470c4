import { TRPCError } from "@trpc/server";
import { formatDate } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Form, Link } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { AnswerInvitation } from "./AnswerInvitation";
import { BenchmarkCard } from "./BenchmarkCard";
import { forumWhen } from "./forum-when";
import { TextArea } from "../../ui/TextArea";
import { CheckboxGroup } from "../templates/CheckboxGroup";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { TextField } from "../../ui/TextField";
import { actionRequest, loaderError, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { fieldError, useBusy } from "../../lib/form";
import { pageTitle, useLocale } from "../../lib/locale";
import { roleAtLeast, useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/forum";
import { ForeignName, withNames, joinNodes } from "../../lib/bdi";
import { WorkspaceIdentity } from "../../shell/WorkspaceIdentity";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "forums.title");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const input = { tenantSlug: params.slug, forumId: params.forumId };
  try {
    const forum = await api.caller.forums.get(input);
    // The directory is for the organiser's admins; other members get no list (FORBIDDEN is expected).
    const invitable = forum.organiser
      ? await api.caller.forums.invitable(input).catch((error: unknown) => {
          if (error instanceof TRPCError && error.code === "FORBIDDEN") return [];
          throw error;
        })
      : [];
    return { forum, invitable };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { api, form, field } = await actionRequest(request, context, params);
  const base = { tenantSlug: params.slug, forumId: params.forumId };
  const run = async (intent: string, work: () => Promise<unknown>) => {
    const result = await runAction(api, work);
    return data({ ...result, intent }, { status: result.ok ? 200 : 400 });
  };
  return dispatchIntent(form, {
    respond: (intent) => run(intent, () => api.caller.forums.respond({ ...base, accept: field("answer") === "accept" })),
    invite: (intent) => run(intent, () => api.caller.forums.invite({ ...base, workspaceIds: form.getAll("workspaceIds").map(String) })),
    removeParticipant: (intent) => run(intent, () => api.caller.forums.removeParticipant({ ...base, workspaceId: field("workspaceId") })),
    addAgendaItem: (intent) => run(intent, () => api.caller.forums.addAgendaItem({ ...base, title: field("title"), startsAt: field("startsAt"), description: field("description") })),
    removeAgendaItem: (intent) => run(intent, () => api.caller.forums.removeAgendaItem({ ...base, itemId: field("itemId") })),
    shareDocument: (intent) => run(intent, () => api.caller.forums.shareDocument({ ...base, title: field("title"), url: field("url"), note: field("note") })),
    removeDocument: (intent) => run(intent, () => api.caller.forums.removeDocument({ tenantSlug: params.slug, documentId: field("documentId") })),
    optIn: (intent) => run(intent, () => api.caller.forums.setBenchmarkOptIn({ ...base, optIn: field("optIn") === "true" })),
  });
}

function RemoveButton({ intent, name, value, label }: { intent: string; name: string; value: string; label: string }) {
  const { t } = useTranslation();
  const busy = useBusy(intent, { name, value });
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={name} value={value} />
      <Button variant="ghost" busy={busy} aria-label={label}>{t("forums.remove")}</Button>
    </Form>
  );
}

export default function Forum({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const { forum, invitable } = loaderData;
  const isAdmin = roleAtLeast(workspace.role, "admin");
  const canShare = roleAtLeast(workspace.role, "coordinator");
  const inviting = useBusy("invite");
  const adding = useBusy("addAgendaItem");
  const sharing = useBusy("shareDocument");
  const result = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const dates = forumWhen(locale, forum);
  return (
    <div className="space-y-6">
      <Link to={`/t/${workspace.slug}/forums`} className="text-sm text-teal-800 underline">{t("forums.backToList")}</Link>
      <PageHeader title={forum.name} lead={joinNodes([forum.organiser ? t("forums.youOrganise") : withNames(t).t("forums.organisedBy", { name: <ForeignName name={forum.organiserName} /> }), dates])} />
      <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
      <FormSuccess message={actionData?.ok && actionData.intent === "invite" ? t("forums.invited") : undefined} />
      {forum.description ? <p className="whitespace-pre-line text-slate-800">{forum.description}</p> : null}
      {!forum.member ? (
        <Card title={t("forums.invitationTitle")} id="invitation">
          {forum.myStatus === "invited" ? (
            <div className="space-y-3">
              <p className="text-slate-700">{withNames(t).t("forums.invitationBody", { name: <ForeignName name={forum.organiserName} /> })}</p>
              {isAdmin ? <AnswerInvitation forumId={forum.id} forumName={forum.name} /> : <p className="text-sm text-slate-600">{t("forums.adminsAnswer")}</p>}
            </div>
          ) : (
            <p className="text-slate-700">{t("forums.declinedBody")}</p>
          )}
        </Card>
      ) : (
        <>
          <Card title={t("forums.participantsTitle")} id="participants">
            <ul className="divide-y divide-slate-100">
              {forum.participants.map((p) => (
                <li key={p.tenantId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <ForeignName name={p.name} />
                    {p.tenantId === forum.tenantId ? <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t("forums.organiserBadge")}</span> : null}
                    {p.status !== "accepted" ? <span className="ml-2 rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-900">{t(`forums.status.${p.status}`)}</span> : null}
                  </span>
                  {forum.organiser && isAdmin && p.tenantId !== forum.tenantId ? (
                    <RemoveButton intent="removeParticipant" name="workspaceId" value={p.tenantId} label={t("forums.removeParticipant", { name: p.name })} />
                  ) : null}
                </li>
              ))}
            </ul>
            {forum.organiser && isAdmin ? (
              invitable.length > 0 ? (
                <Form method="post" className="mt-4 space-y-3">
                  <input type="hidden" name="intent" value="invite" />
                  <CheckboxGroup name="workspaceIds" legend={t("forums.inviteLegend")} options={invitable.map((w) => ({ value: w.id, label: <WorkspaceIdentity workspace={w} /> }))} checked={[]} error={fieldError(result("invite"), "workspaceIds")} />
                  <Button busy={inviting} busyLabel={t("common.saving")}>{t("forums.invite")}</Button>
                </Form>
              ) : (
                <p className="mt-4 text-sm text-slate-600">{t("forums.nobodyToInvite")}</p>
              )
            ) : null}
          </Card>

          <Card title={t("forums.agendaTitle")} id="agenda">
            {forum.agenda.length === 0 ? <p className="text-slate-700">{t("forums.agendaEmpty")}</p> : (
              <ol className="divide-y divide-slate-100">
                {forum.agenda.map((item) => (
                  <li key={item.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                    <div>
                      <p className="font-medium text-slate-900">{[item.startsAt, item.title].filter(Boolean).join(" · ")}</p>
                      {item.description ? <p className="text-sm text-slate-600">{item.description}</p> : null}
                    </div>
                    {forum.organiser && isAdmin ? <RemoveButton intent="removeAgendaItem" name="itemId" value={item.id} label={t("forums.removeAgendaItem", { title: item.title })} /> : null}
                  </li>
                ))}
              </ol>
            )}
            {forum.organiser && isAdmin ? (
              <Form method="post" className="mt-4 grid gap-3 sm:grid-cols-4 sm:items-end">
                <input type="hidden" name="intent" value="addAgendaItem" />
                <TextField name="startsAt" type="time" label={t("forums.agendaTime")} />
                <TextField name="title" label={t("forums.agendaItemTitle")} required maxLength={300} className="sm:col-span-2" error={fieldError(result("addAgendaItem"), "title")} />
                <Button busy={adding}>{t("forums.addAgendaItem")}</Button>
                <TextArea name="description" label={t("forums.agendaDescription")} rows={2} className="sm:col-span-4" maxLength={4000} />
              </Form>
            ) : null}
          </Card>

          <Card title={t("forums.templatesTitle")} id="templates">
            {forum.publications.length === 0 ? <p className="text-slate-700">{t("forums.templatesEmpty")}</p> : (
              <ul className="divide-y divide-slate-100">
                {forum.publications.map((p) => (
                  <li key={p.id} className="py-2">
                    <Link to={`/t/${workspace.slug}/library/${p.id}`} className="font-medium text-teal-800 underline">{p.name}</Link>
                    <p className="text-sm text-slate-600">{joinNodes([withNames(t).t("library.byPublisher", { name: <ForeignName name={p.publisherName} /> }), t("library.version", { version: p.version })])}</p>
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-3 text-sm text-slate-600">{t("forums.templatesHint")}</p>
          </Card>

          <Card title={t("forums.documentsTitle")} id="documents">
            {forum.documents.length === 0 ? <p className="text-slate-700">{t("forums.documentsEmpty")}</p> : (
              <ul className="divide-y divide-slate-100">
                {forum.documents.map((d) => (
                  <li key={d.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
                    <div>
                      {d.url ? <a href={d.url} rel="noopener noreferrer" className="font-medium text-teal-800 underline">{d.title}</a> : <p className="font-medium text-slate-900">{d.title}</p>}
                      <p className="text-sm text-slate-600">{withNames(t).t("forums.sharedBy", { name: <ForeignName name={d.sharedByName} />, date: formatDate(locale, d.sharedAt) })}</p>
                      {d.note ? <p className="text-sm text-slate-700">{d.note}</p> : null}
                    </div>
                    {d.own && canShare ? <RemoveButton intent="removeDocument" name="documentId" value={d.id} label={t("forums.removeDocument", { title: d.title })} /> : null}
                  </li>
                ))}
              </ul>
            )}
            {canShare ? (
              <Form method="post" className="mt-4 space-y-3">
                <input type="hidden" name="intent" value="shareDocument" />
                <div className="grid gap-3 sm:grid-cols-2">
                  <TextField name="title" id="document-title" label={t("forums.documentTitle")} required maxLength={300} error={fieldError(result("shareDocument"), "title")} />
                  <TextField name="url" type="url" label={t("forums.documentUrl")} hint={t("forums.documentUrlHint")} error={fieldError(result("shareDocument"), "url")} />
                </div>
                <TextArea name="note" label={t("forums.documentNote")} rows={2} maxLength={4000} />
                <Button busy={sharing}>{t("forums.share")}</Button>
              </Form>
            ) : null}
          </Card>

          <BenchmarkCard benchmark={forum.benchmark} optedIn={forum.benchmarkOptIn} canChange={isAdmin} />
        </>
      )}
    </div>
  );
}
