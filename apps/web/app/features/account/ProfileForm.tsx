import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { fieldError, useBusy, type ActionResult } from "../../lib/form";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { LocaleSelect } from "../../ui/LocaleSelect";
import { TextField } from "../../ui/TextField";

/** Name and preferred language. */
export function ProfileForm({ name, locale, result }: { name: string; locale: string; result?: ActionResult }) {
  const { t } = useTranslation();
  const busy = useBusy("profile");
  return (
    <Card title={t("profile.detailsTitle")} id="profile-details">
      <Form method="post" className="space-y-4">
        <input type="hidden" name="intent" value="profile" />
        <FormSuccess message={result?.ok ? t("profile.saved") : undefined} />
        <FormError message={result && !result.ok ? result.message : undefined} />
        <TextField name="name" label={t("fields.name")} autoComplete="name" required defaultValue={name} error={fieldError(result, "name")} />
        <LocaleSelect name="preferredLocale" defaultValue={locale} error={fieldError(result, "preferredLocale")} />
        <Button busy={busy} busyLabel={t("common.saving")}>
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}
