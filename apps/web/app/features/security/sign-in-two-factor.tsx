import { useState } from "react";
import { useTranslation } from "react-i18next";
import { data, Form, redirect, useSearchParams } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { TextField } from "../../ui/TextField";
import { formFields, runAction, serverApi } from "../../lib/api.server";
import { fieldError, useBusy } from "../../lib/form";
import { pageTitle } from "../../lib/locale";
import { AFTER_SIGN_IN, safeRedirect } from "../../lib/redirect";
import type { Route } from "./+types/sign-in-two-factor";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "twoFactor.signInTitle");

/**
 * A signed-in browser whose session has not proved the second factor of an enrolled account (signed
 * in before two-factor was turned on) steps up here (decision 0265); any other signed-in one goes on.
 */
function needsStepUp(ctx: { user: { twoFactorEnabled: boolean } | null; session: { secondFactor: boolean } | null }): boolean {
  return Boolean(ctx.user?.twoFactorEnabled && ctx.session && !ctx.session.secondFactor);
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const api = await serverApi(request, context);
  const stepUp = needsStepUp(api.ctx);
  if (api.ctx.user && !stepUp) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), AFTER_SIGN_IN));
  return { stepUp };
}

/** The second step of sign-in, or the step-up of a signed-in session: a code from the authenticator app, or a recovery code. */
export async function action({ request, context }: Route.ActionArgs) {
  const api = await serverApi(request, context);
  const fields = await formFields(request, ["method", "code", "recoveryCode", "redirectTo"] as const);
  const proof = fields.method === "recovery" ? { recoveryCode: fields.recoveryCode } : { code: fields.code };
  const result = await runAction(api, () => (api.ctx.user ? api.caller.twoFactor.verifySession(proof) : api.caller.twoFactor.completeSignIn(proof)));
  if (!result.ok) return data({ ...result, method: fields.method }, { status: 400 });
  return redirect(safeRedirect(fields.redirectTo, AFTER_SIGN_IN), { headers: api.headers });
}

export default function SignInTwoFactor({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [method, setMethod] = useState<"code" | "recovery">(actionData?.method === "recovery" ? "recovery" : "code");
  const busy = useBusy();
  const error = actionData && !actionData.ok ? actionData.message : undefined;
  return (
    <div className="mx-auto max-w-md">
      <PageHeader
        title={loaderData.stepUp ? t("twoFactor.stepUpTitle") : t("twoFactor.signInTitle")}
        lead={method === "recovery" ? t("twoFactor.recoveryLead") : loaderData.stepUp ? t("twoFactor.stepUpLead") : t("twoFactor.signInLead")}
      />
      <Card>
        <Form method="post" className="space-y-4" aria-describedby={error ? "two-factor-error" : undefined}>
          <FormError id="two-factor-error" message={error} />
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <input type="hidden" name="method" value={method} />
          {method === "code" ? (
            <TextField
              name="code"
              label={t("twoFactor.codeLabel")}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              error={fieldError(actionData, "code")}
            />
          ) : (
            <TextField name="recoveryCode" label={t("twoFactor.recoveryCodeLabel")} autoComplete="off" required error={fieldError(actionData, "recoveryCode")} />
          )}
          <Button busy={busy} busyLabel={t("twoFactor.verifying")} className="w-full">
            {t("twoFactor.verify")}
          </Button>
        </Form>
        <button
          type="button"
          className="mt-4 text-sm font-medium text-teal-800 underline"
          onClick={() => setMethod(method === "code" ? "recovery" : "code")}
        >
          {method === "code" ? t("twoFactor.useRecoveryCode") : t("twoFactor.useAuthenticator")}
        </button>
      </Card>
    </div>
  );
}
