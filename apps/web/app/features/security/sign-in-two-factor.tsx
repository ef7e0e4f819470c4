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

export async function loader({ request, context }: Route.LoaderArgs) {
  const api = await serverApi(request, context);
  if (api.ctx.user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), AFTER_SIGN_IN));
  return null;
}

/** The second step of sign-in: a code from the authenticator app, or a recovery code. */
export async function action({ request, context }: Route.ActionArgs) {
  const api = await serverApi(request, context);
  const fields = await formFields(request, ["method", "code", "recoveryCode", "redirectTo"] as const);
  const proof = fields.method === "recovery" ? { recoveryCode: fields.recoveryCode } : { code: fields.code };
  const result = await runAction(api, () => api.caller.twoFactor.completeSignIn(proof));
  if (!result.ok) return data({ ...result, method: fields.method }, { status: 400 });
  return redirect(safeRedirect(fields.redirectTo, AFTER_SIGN_IN), { headers: api.headers });
}

export default function SignInTwoFactor({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [method, setMethod] = useState<"code" | "recovery">(actionData?.method === "recovery" ? "recovery" : "code");
  const busy = useBusy();
  const error = actionData && !actionData.ok ? actionData.message : undefined;
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("twoFactor.signInTitle")} lead={method === "code" ? t("twoFactor.signInLead") : t("twoFactor.recoveryLead")} />
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
