import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { fieldError, useBusy, type ActionResult } from "../../lib/form";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { PasswordField } from "../../ui/PasswordField";
import { TextField } from "../../ui/TextField";

/** Changing the password signs out the other sessions; the success message says so. */
export function PasswordForm({ result }: { result?: ActionResult }) {
  const { t } = useTranslation();
  const busy = useBusy("password");
  return (
    <Card title={t("profile.passwordTitle")} id="profile-password">
      <Form method="post" className="space-y-4" key={result?.ok ? "done" : "form"}>
        <input type="hidden" name="intent" value="password" />
        <FormSuccess message={result?.ok ? t("profile.passwordChanged") : undefined} />
        <FormError message={result && !result.ok ? result.message : undefined} />
        <TextField name="currentPassword" type="password" label={t("fields.currentPassword")} autoComplete="current-password" required error={fieldError(result, "currentPassword")} />
        <PasswordField name="newPassword" label={t("fields.newPassword")} error={fieldError(result, "newPassword")} />
        <Button busy={busy} busyLabel={t("common.saving")}>
          {t("profile.passwordSubmit")}
        </Button>
      </Form>
    </Card>
  );
}
