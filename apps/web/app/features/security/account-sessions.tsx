import { deviceLabel } from "@vigil/api/device-label";
import { formatDateTime } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Form, redirect } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { formFields, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { useBusy } from "../../lib/form";
import { pageTitle, useLocale } from "../../lib/locale";
import type { Route } from "./+types/account-sessions";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "sessions.title");

export async function loader({ request, context }: Route.LoaderArgs) {
  const api = await serverApi(request, context);
  if (!api.ctx.user) throw redirect(`/sign-in?redirectTo=${encodeURIComponent("/account/sessions")}`);
  return { sessions: await api.caller.sessions.list() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const api = await serverApi(request, context);
  const fields = await formFields(request, ["intent", "sessionId"] as const);
  const respond = async <T,>(work: () => Promise<T>) => {
    const result = await runAction(api, work);
    return data(result, { status: result.ok ? 200 : 400 });
  };
  return dispatchIntent(fields.intent, {
    revoke: () => respond(() => api.caller.sessions.revoke({ sessionId: fields.sessionId })),
    revokeOthers: () => respond(() => api.caller.sessions.revokeOthers()),
  });
}

/** Where the account is signed in; any other browser can be signed out from here. */
export default function AccountSessions({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busyOthers = useBusy("revokeOthers");
  const busyOne = useBusy("revoke");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title={t("sessions.title")} lead={t("sessions.lead")} />
      <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
      <FormSuccess message={actionData?.ok ? t("sessions.signedOut") : undefined} />
      <Card>
        <ul className="divide-y divide-slate-200">
          {loaderData.sessions.map((session) => (
            <li key={session.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="text-sm">
                <p className="font-medium text-slate-900">{deviceLabel(t, session.device)}</p>
                <p className="text-slate-600">
                  {t("sessions.details", { ip: session.ipAddress ?? "?", time: formatDateTime(locale, session.lastActiveAt) })}
                </p>
              </div>
              {session.current ? (
                <span className="text-sm font-medium text-teal-800">{t("sessions.current")}</span>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="sessionId" value={session.id} />
                  <Button variant="secondary" busy={busyOne} aria-label={t("sessions.signOutOneLabel", { device: deviceLabel(t, session.device) })}>
                    {t("sessions.signOutOne")}
                  </Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        {loaderData.sessions.length > 1 ? (
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="revokeOthers" />
            <Button variant="danger" busy={busyOthers}>
              {t("sessions.signOutOthers")}
            </Button>
          </Form>
        ) : null}
      </Card>
    </div>
  );
}
