import { useTranslation } from "react-i18next";
import { data, Form, Link, redirect, useSearchParams } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { TextField } from "../../ui/TextField";
import { formFields, runAction, serverApi } from "../../lib/api.server";
import { fieldError, useBusy } from "../../lib/form";
import { pageTitle } from "../../lib/locale";
import { AFTER_SIGN_IN, safeRedirect } from "../../lib/redirect";
import type { Route } from "./+types/sign-in";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "signIn.title");

export async function loader({ request, context }: Route.LoaderArgs) {
  const api = await serverApi(request, context);
  if (api.ctx.user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), AFTER_SIGN_IN));
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const api = await serverApi(request, context);
  const fields = await formFields(request, ["email", "password", "redirectTo"] as const);
  const result = await runAction(api, () => api.caller.auth.signIn({ email: fields.email, password: fields.password }));
  if (!result.ok) return data({ ...result, email: fields.email }, { status: 400 });
  if (result.result.secondFactorDue) {
    return redirect(`/sign-in/two-factor?redirectTo=${encodeURIComponent(safeRedirect(fields.redirectTo, AFTER_SIGN_IN))}`, { headers: api.headers });
  }
  return redirect(safeRedirect(fields.redirectTo, AFTER_SIGN_IN), { headers: api.headers });
}

export default function SignIn({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo") ?? "";
  const busy = useBusy();
  const error = actionData && !actionData.ok ? actionData.message : undefined;
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("signIn.title")} lead={t("signIn.lead")} />
      <Card>
        <Form method="post" className="space-y-4" aria-describedby={error ? "sign-in-error" : undefined}>
          <FormError id="sign-in-error" message={error} />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField
            name="email"
            type="email"
            label={t("fields.email")}
            autoComplete="email"
            required
            defaultValue={actionData?.email}
            error={fieldError(actionData, "email")}
          />
          <TextField name="password" type="password" label={t("fields.password")} autoComplete="current-password" required error={fieldError(actionData, "password")} />
          <Button busy={busy} busyLabel={t("signIn.busy")} className="w-full">
            {t("signIn.submit")}
          </Button>
        </Form>
        <Link to="/forgot-password" className="mt-4 inline-block text-sm font-medium text-teal-800 underline">
          {t("recovery.forgotLink")}
        </Link>
      </Card>
      <p className="mt-4 text-center text-sm text-slate-700">
        {t("signIn.noAccount")}{" "}
        <Link to="/sign-up" className="font-medium text-teal-800 underline">
          {t("signIn.signUpLink")}
        </Link>
      </p>
    </div>
  );
}
