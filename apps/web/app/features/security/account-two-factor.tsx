import { useTranslation } from "react-i18next";
import { data, Link, redirect, useSearchParams } from "react-router";
import { FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { buttonClass } from "../../ui/Button";
import { RecoveryCodes } from "./RecoveryCodes";
import { TwoFactorEnabled } from "./TwoFactorEnabled";
import { TwoFactorEnrolment } from "./TwoFactorEnrolment";
import { continueOnReplacedSession, formFields, runAction, serverApi } from "../../lib/api.server";
import { dispatchIntent } from "../../lib/intent";
import { pageTitle } from "../../lib/locale";
import { safeRedirect } from "../../lib/redirect";
import type { Route } from "./+types/account-two-factor";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "twoFactor.title");

export async function loader({ request, context }: Route.LoaderArgs) {
  const api = await serverApi(request, context);
  if (!api.ctx.user) throw redirect(`/sign-in?redirectTo=${encodeURIComponent("/account/two-factor")}`);
  const status = await api.caller.twoFactor.status();
  // Managing the factors takes a session that has proved one (decision 0265): the code first, then back here.
  if (status.enabled && !api.ctx.session?.secondFactor) throw redirect(`/sign-in/two-factor?redirectTo=${encodeURIComponent("/account/two-factor")}`);
  return { status, enrolment: status.enabled ? null : await api.caller.twoFactor.enrolment() };
}

export async function action({ request, context }: Route.ActionArgs) {
  const api = await serverApi(request, context);
  const fields = await formFields(request, ["intent", "code", "reauthentication"] as const);
  return dispatchIntent(fields.intent, {
    confirm: async (intent) => {
      const result = await runAction(api, () => api.caller.twoFactor.confirm({ code: fields.code, reauthentication: fields.reauthentication }));
      // Turning it on gives this browser a new session cookie, with the second factor (decision 0265);
      // without JavaScript the page's loaders run next in this very request, on that new session.
      continueOnReplacedSession(api, context);
      return data({ ...result, intent }, { status: result.ok ? 200 : 400, headers: api.headers });
    },
    regenerate: async (intent) => {
      const result = await runAction(api, () => api.caller.twoFactor.regenerateRecoveryCodes({ reauthentication: fields.reauthentication }));
      return data({ ...result, intent }, { status: result.ok ? 200 : 400 });
    },
    disable: async (intent) => {
      const result = await runAction(api, () => api.caller.twoFactor.disable({ code: fields.code }));
      return data({ ...result, intent }, { status: result.ok ? 200 : 400 });
    },
  });
}

export default function AccountTwoFactor({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo");
  const newCodes = actionData?.ok && "result" in actionData && "recoveryCodes" in actionData.result ? actionData.result.recoveryCodes : null;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeader title={t("twoFactor.title")} lead={t("twoFactor.lead")} />
      {newCodes && newCodes.length > 0 ? (
        <>
          <FormSuccess message={actionData?.intent === "confirm" ? t("twoFactor.enabledNow") : t("twoFactor.codesReplaced")} />
          <RecoveryCodes codes={newCodes} />
          {redirectTo ? (
            <Link className={buttonClass()} to={safeRedirect(redirectTo)}>
              {t("twoFactor.continue")}
            </Link>
          ) : null}
        </>
      ) : loaderData.enrolment ? (
        <TwoFactorEnrolment enrolment={loaderData.enrolment} required={Boolean(redirectTo)} result={actionData?.intent === "confirm" ? actionData : undefined} />
      ) : (
        <TwoFactorEnabled
          status={loaderData.status}
          result={actionData?.intent === "disable" ? actionData : undefined}
          regenerateResult={actionData?.intent === "regenerate" ? actionData : undefined}
        />
      )}
    </div>
  );
}
