import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { fieldError, useBusy } from "../../lib/form";
import { useLocale } from "../../lib/locale";
import { Button } from "../../ui/Button";
import { FormError } from "../../ui/FormMessage";
import { LocaleSelect } from "../../ui/LocaleSelect";
import { TextField } from "../../ui/TextField";

type Result = { ok: false; message: string; fieldErrors: Record<string, string>; values: Record<string, string> };

/** Creates another workspace; the address is derived from the name when left empty. */
export function NewWorkspaceForm({ result }: { result?: Result }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useBusy();
  const values = result?.values;
  return (
    <Form method="post" className="space-y-4">
      <FormError message={result?.message} />
      <TextField name="name" label={t("fields.workspaceName")} required defaultValue={values?.name} error={fieldError(result, "name")} />
      <TextField name="slug" label={t("fields.workspaceSlug")} hint={t("fields.workspaceSlugHint")} autoCapitalize="none" spellCheck={false} defaultValue={values?.slug} error={fieldError(result, "slug")} />
      <TextField name="countryCode" label={t("fields.countryCode")} hint={t("fields.countryCodeHint")} required maxLength={2} className="max-w-40" defaultValue={values?.countryCode} error={fieldError(result, "countryCode")} />
      <LocaleSelect name="defaultLocale" defaultValue={values?.defaultLocale || locale} error={fieldError(result, "defaultLocale")} />
      <Button busy={busy} busyLabel={t("common.saving")}>
        {t("workspaces.createSubmit")}
      </Button>
    </Form>
  );
}
