import { slugFromName } from "@vigil/api/slug";
import { isLocale } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { data, Form, redirect } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError } from "../../ui/FormMessage";
import { LocaleSelect } from "../../ui/LocaleSelect";
import { PageHeader } from "../../ui/PageHeader";
import { PasswordField } from "../../ui/PasswordField";
import { TextField } from "../../ui/TextField";
import { WorkspaceAddressFields } from "../workspaces/WorkspaceAddressFields";
import { formFields, runAction, serverApi } from "../../lib/api.server";
import { fieldError, useBusy } from "../../lib/form";
import { pageTitle, useLocale } from "../../lib/locale";
import type { Route } from "./+types/sign-up";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "signUp.title");

const FIELDS = ["name", "email", "password", "workspaceName", "workspaceSlug", "countryCode", "locale"] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const api = await serverApi(request, context);
  if (api.ctx.user) throw redirect("/workspaces");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const api = await serverApi(request, context);
  const fields = await formFields(request, FIELDS);
  const workspaceSlug = fields.workspaceSlug.trim() || slugFromName(fields.workspaceName);
  const locale = isLocale(fields.locale) ? fields.locale : api.ctx.locale;
  const result = await runAction(api, () => api.caller.auth.signUp({ ...fields, workspaceSlug, locale }));
  if (!result.ok) return data({ ...result, values: { ...fields, password: "" } }, { status: 400 });
  return redirect(`/t/${result.result.workspaceSlug}`, { headers: api.headers });
}

export default function SignUp({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useBusy();
  const values = actionData?.values;
  const error = (name: string) => fieldError(actionData, name);
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title={t("signUp.title")} lead={t("signUp.lead")} />
      <Form method="post" className="space-y-6">
        <FormError message={actionData && !actionData.ok ? actionData.message : undefined} />
        <Card title={t("signUp.you")} id="sign-up-you">
          <div className="space-y-4">
            <TextField name="name" label={t("fields.name")} autoComplete="name" required defaultValue={values?.name} error={error("name")} />
            <TextField name="email" type="email" label={t("fields.email")} autoComplete="email" required defaultValue={values?.email} error={error("email")} />
            <PasswordField name="password" label={t("fields.password")} autoComplete="new-password" error={error("password")} />
            <LocaleSelect defaultValue={values?.locale || locale} error={error("locale")} />
          </div>
        </Card>
        <Card title={t("signUp.workspace")} id="sign-up-workspace">
          <div className="space-y-4">
            <WorkspaceAddressFields
              nameField="workspaceName"
              slugField="workspaceSlug"
              nameLabel={t("fields.workspaceName")}
              nameHint={t("signUp.workspaceNameHint")}
              defaults={{ name: values?.workspaceName, slug: values?.workspaceSlug }}
              errors={{ name: error("workspaceName"), slug: error("workspaceSlug") }}
            />
            <TextField name="countryCode" label={t("fields.countryCode")} hint={t("fields.countryCodeHint")} required maxLength={2} autoCapitalize="characters" className="max-w-40" defaultValue={values?.countryCode} error={error("countryCode")} />
          </div>
        </Card>
        <Button busy={busy} busyLabel={t("signUp.busy")} className="w-full sm:w-auto">
          {t("signUp.submit")}
        </Button>
      </Form>
    </div>
  );
}
