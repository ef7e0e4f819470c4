import { useTranslation } from "react-i18next";
import { data, Form, Link } from "react-router";
import { Button, buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { TextField } from "../../ui/TextField";
import { formFields, runAction, serverApi } from "../../lib/api.server";
import { fieldError, useBusy } from "../../lib/form";
import { pageTitle } from "../../lib/locale";
import type { Route } from "./+types/reset-password";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "recovery.resetTitle");

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const { password } = await formFields(request, ["password"] as const);
  const result = await runAction(api, () => api.caller.accountRecovery.resetPassword({ token: params.token, password }));
  return data(result, { status: result.ok ? 200 : 400, headers: api.headers });
}

/** The page an e-mailed reset link opens. The token is only checked on submit, so a link preview cannot use it up. */
export default function ResetPassword({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const busy = useBusy();
  if (actionData?.ok) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <PageHeader title={t("recovery.resetTitle")} />
        <FormSuccess message={t("recovery.done")} />
        <Link to="/sign-in" className={buttonClass()}>
          {t("recovery.signIn")}
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("recovery.resetTitle")} lead={t("recovery.resetLead")} />
      <Card>
        <Form method="post" className="space-y-4">
          <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
          <TextField name="password" type="password" label={t("recovery.newPassword")} autoComplete="new-password" required error={fieldError(actionData, "password")} />
          <Button busy={busy} busyLabel={t("recovery.saving")} className="w-full">
            {t("recovery.save")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
