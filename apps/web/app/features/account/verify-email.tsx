import { useTranslation } from "react-i18next";
import { data, Form } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { PageHeader } from "../../ui/PageHeader";
import { runAction, serverApi } from "../../lib/api.server";
import { useBusy } from "../../lib/form";
import { pageTitle } from "../../lib/locale";
import type { Route } from "./+types/verify-email";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "recovery.verifyTitle");

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context, params);
  const result = await runAction(api, () => api.caller.accountRecovery.verifyEmail({ token: params.token }));
  return data(result, { status: result.ok ? 200 : 400 });
}

/** Verification takes a click (a POST), so mail scanners that fetch links do not verify for the person. */
export default function VerifyEmail({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const busy = useBusy();
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("recovery.verifyTitle")} lead={t("recovery.verifyLead")} />
      <Card>
        <Form method="post" className="space-y-4">
          <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
          <FormSuccess message={actionData?.ok ? t("recovery.verified") : undefined} />
          {actionData?.ok ? null : (
            <Button busy={busy} className="w-full">
              {t("recovery.verifyButton")}
            </Button>
          )}
        </Form>
      </Card>
    </div>
  );
}
