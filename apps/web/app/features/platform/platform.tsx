import { formatDate, formatDateTime, formatNumber } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Form } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { formFields, loaderError, runAction, serverApi } from "../../lib/api.server";
import { useBusy } from "../../lib/form";
import { dispatchIntent } from "../../lib/intent";
import { pageTitle, useLocale } from "../../lib/locale";
import { billingStatusLabel } from "../billing/status-label";
import type { Route } from "./+types/platform";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "platform.title");

/** The operator console (decision 0231): operators with two-factor sign-in only; workspaces' metadata only. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const api = await serverApi(request, context);
  const search = new URL(request.url).searchParams.get("q")?.slice(0, 200) ?? "";
  try {
    const [{ workspaces, plans }, audit] = await Promise.all([api.caller.platform.workspaces({ search }), api.caller.platform.audit()]);
    return { workspaces, plans, audit: audit.slice(0, 20), search };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const api = await serverApi(request, context);
  const fields = await formFields(request, ["intent", "workspaceId", "reason", "note", "planKey"] as const);
  const respond = async <T,>(work: () => Promise<T>) => {
    const result = await runAction(api, work);
    return data({ ...result, intent: fields.intent, targetId: fields.workspaceId }, { status: result.ok ? 200 : 400 });
  };
  const workspaceId = fields.workspaceId;
  return dispatchIntent(fields.intent, {
    verify: () => respond(() => api.caller.platform.setVerification({ workspaceId, verified: true, note: fields.note })),
    unverify: () => respond(() => api.caller.platform.setVerification({ workspaceId, verified: false, note: null })),
    suspend: () => respond(() => api.caller.platform.suspend({ workspaceId, reason: fields.reason })),
    lift: () => respond(() => api.caller.platform.liftSuspension({ workspaceId })),
    plan: () => respond(() => api.caller.platform.setPlanOverride({ workspaceId, planKey: fields.planKey || null })),
    resend: () => respond(() => api.caller.platform.resendOwnerInvitation({ workspaceId })),
  });
}

type Workspace = Route.ComponentProps["loaderData"]["workspaces"][number];
type Plan = Route.ComponentProps["loaderData"]["plans"][number];
type Result = Route.ComponentProps["actionData"];

export default function PlatformConsole({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workspaces, plans, audit, search } = loaderData;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader title={t("platform.title")} lead={t("platform.lead")} />
      <Form method="get" role="search" className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <TextField name="q" type="search" label={t("platform.searchLabel")} defaultValue={search} className="flex-1" />
        <Button variant="secondary">{t("platform.search")}</Button>
      </Form>
      {workspaces.length === 0 ? (
        <EmptyState title={search ? t("platform.emptySearch", { search }) : t("platform.empty")} body={t("platform.lead")} />
      ) : (
        <section aria-labelledby="platform-workspaces" className="space-y-4">
          <h2 id="platform-workspaces" className="text-sm font-medium text-slate-700">{t("platform.count", { count: workspaces.length })}</h2>
          <ul className="space-y-4">
            {workspaces.map((workspace) => (
              <li key={workspace.id}>
                <WorkspaceCard workspace={workspace} plans={plans} result={actionData?.targetId === workspace.id ? actionData : undefined} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <Card title={t("platform.auditTitle")}>
        {audit.length === 0 ? (
          <p className="text-sm text-slate-600">{t("platform.auditEmpty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 text-sm">
            {audit.map((entry) => (
              <li key={entry.id} className="py-2">
                <span className="font-medium text-slate-900">{t(`audit.${entry.action}`, { defaultValue: entry.action })}</span>
                {entry.workspaceSlug ? <span className="text-slate-700"> · {entry.workspaceSlug}</span> : null}
                <span className="block text-slate-600">
                  {formatDateTime(locale, entry.createdAt)} · {t("platform.auditBy", { operator: entry.operatorEmail })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function WorkspaceCard({ workspace, plans, result }: { workspace: Workspace; plans: Plan[]; result: Result | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const target = { name: "workspaceId", value: workspace.id };
  const busyVerify = useBusy(workspace.verifiedAt ? "unverify" : "verify", target);
  const busySuspend = useBusy(workspace.suspendedAt ? "lift" : "suspend", target);
  const busyPlan = useBusy("plan", target);
  const planName = (key: string) => plans.find((plan) => plan.key === key)?.name ?? key;
  const busyResend = useBusy("resend", target);
  const headingId = `workspace-${workspace.id}`;
  const success = result?.ok
    ? result.intent === "resend" && result.result && typeof result.result === "object" && "email" in result.result
      ? t("platform.invitationSent", { email: String(result.result.email) })
      : t("platform.done")
    : undefined;
  const hidden = <input type="hidden" name="workspaceId" value={workspace.id} />;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id={headingId} className="text-base font-semibold text-slate-900">
        {workspace.name} <span className="font-normal text-slate-600">({workspace.slug})</span>
      </h3>
      <div className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 text-sm text-slate-700 sm:grid-cols-2">
        <p>
          {t("platform.country")}: {workspace.countryCode} · {workspace.verifiedAt ? t("platform.verified") : t("platform.notVerified")}
        </p>
        <p>
          {t("platform.plan")}: {workspace.planOverride ? `${planName(workspace.planOverride)} (${t("platform.overridden")})` : workspace.planKey ? `${planName(workspace.planKey)} · ${billingStatusLabel(t, workspace.billingStatus)}` : t("platform.noSubscription")}
        </p>
        <p>{t("platform.members", { count: workspace.memberCount })} · {t("platform.storage", { size: formatNumber(locale, Math.round((workspace.storageBytes / 1_048_576) * 10) / 10) })}</p>
        <p>
          {t("platform.created", { date: formatDate(locale, workspace.createdAt) })} ·{" "}
          {workspace.lastActiveAt ? t("platform.lastActive", { date: formatDate(locale, workspace.lastActiveAt) }) : t("platform.neverActive")}
        </p>
        {workspace.deletionRequestedAt ? <p className="text-amber-800">{t("platform.deletionPending")}</p> : null}
        {workspace.suspendedAt ? (
          <p className="font-medium text-red-800 sm:col-span-2">
            {t("platform.suspendedSince", { date: formatDate(locale, workspace.suspendedAt) })}. {t("platform.reason", { reason: workspace.suspensionReason ?? "" })}
          </p>
        ) : null}
      </div>
      <div className="mt-3" aria-live="polite">
        <FormError message={result && !result.ok ? result.message : undefined} />
        <FormSuccess message={success} />
      </div>
      <div role="group" aria-label={t("platform.actionsFor", { name: workspace.name })} className="mt-3 grid gap-4 sm:grid-cols-2">
        <Form method="post" className="space-y-2">
          {hidden}
          {workspace.verifiedAt ? (
            <Button name="intent" value="unverify" variant="secondary" busy={busyVerify}>{t("platform.unverify")}</Button>
          ) : (
            <>
              <TextField name="note" label={t("platform.verificationNote")} maxLength={500} id={`note-${workspace.id}`} />
              <Button name="intent" value="verify" variant="secondary" busy={busyVerify}>{t("platform.verify")}</Button>
            </>
          )}
        </Form>
        <Form method="post" className="space-y-2">
          {hidden}
          {workspace.suspendedAt ? (
            <Button name="intent" value="lift" variant="secondary" busy={busySuspend}>{t("platform.lift")}</Button>
          ) : (
            <>
              <TextField name="reason" label={t("platform.suspendReason")} required maxLength={500} id={`reason-${workspace.id}`}
                error={result && !result.ok && result.intent === "suspend" ? result.fieldErrors?.reason : undefined} />
              <Button name="intent" value="suspend" variant="danger" busy={busySuspend}>{t("platform.suspend")}</Button>
            </>
          )}
        </Form>
        <Form method="post" className="space-y-2">
          {hidden}
          <SelectField
            name="planKey"
            id={`plan-${workspace.id}`}
            label={t("platform.planOverride")}
            defaultValue={workspace.planOverride ?? ""}
            options={[{ value: "", label: t("platform.noOverride") }, ...plans.map((plan) => ({ value: plan.key, label: plan.name }))]}
          />
          <Button name="intent" value="plan" variant="secondary" busy={busyPlan}>{t("platform.savePlan")}</Button>
        </Form>
        {workspace.pendingOwnerInvitations > 0 ? (
          <Form method="post" className="self-end">
            {hidden}
            <Button name="intent" value="resend" variant="secondary" busy={busyResend}>{t("platform.resendInvitation")}</Button>
          </Form>
        ) : null}
      </div>
    </article>
  );
}
