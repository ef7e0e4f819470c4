import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { fieldError, useBusy, type ActionResult } from "../../lib/form";
import { useLocale } from "../../lib/locale";
import { Button } from "../../ui/Button";
import { FormError } from "../../ui/FormMessage";
import { LocaleSelect } from "../../ui/LocaleSelect";
import { PasswordField } from "../../ui/PasswordField";
import { TextField } from "../../ui/TextField";

/** A new account for the invited address: the e-mail is fixed by the invitation. */
export function InvitationSignUpForm({ email, result }: { email: string; result?: ActionResult & { name?: string } }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useBusy("signUp");
  return (
    <Form method="post" className="space-y-4">
      <input type="hidden" name="intent" value="signUp" />
      <FormError message={result && !result.ok ? result.message : undefined} />
      <TextField name="invitedEmail" type="email" label={t("fields.email")} value={email} readOnly />
      <TextField name="name" label={t("fields.name")} autoComplete="name" required defaultValue={result?.name} error={fieldError(result, "name")} />
      <PasswordField name="password" label={t("fields.password")} error={fieldError(result, "password")} />
      <LocaleSelect defaultValue={locale} error={fieldError(result, "locale")} />
      <Button busy={busy} busyLabel={t("common.saving")}>
        {t("invitation.createAndJoin")}
      </Button>
    </Form>
  );
}
