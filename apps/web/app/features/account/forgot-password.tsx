import { useTranslation } from "react-i18next";
import { data, Form } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { TextField } from "../../ui/TextField";
import { formFields, runAction, serverApi } from "../../lib/api.server";
import { fieldError, useBusy } from "../../lib/form";
import { pageTitle } from "../../lib/locale";
import type { Route } from "./+types/forgot-password";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "recovery.forgotTitle");

export async function action({ request, context }: Route.ActionArgs) {
  const api = await serverApi(request, context);
  const { email } = await formFields(request, ["email"] as const);
  const result = await runAction(api, () => api.caller.accountRecovery.requestPasswordReset({ email }));
  return data(result, { status: result.ok ? 200 : 400 });
}

/** Asks for a reset link; the answer never says whether the address has an account. */
export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const busy = useBusy();
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("recovery.forgotTitle")} lead={t("recovery.forgotLead")} />
      <Card>
        <Form method="post" className="space-y-4">
          <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
          <FormSuccess message={actionData?.ok ? t("recovery.sent") : undefined} />
          <TextField name="email" type="email" label={t("fields.email")} autoComplete="email" required error={fieldError(actionData, "email")} />
          <Button busy={busy} busyLabel={t("recovery.sending")} className="w-full">
            {t("recovery.send")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
