import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { fieldError, useBusy } from "../../lib/form";
import { useLocale } from "../../lib/locale";
import { Button } from "../../ui/Button";
import { FormError } from "../../ui/FormMessage";
import { LocaleSelect } from "../../ui/LocaleSelect";
import { TextField } from "../../ui/TextField";
import { WorkspaceAddressFields } from "./WorkspaceAddressFields";

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
      <WorkspaceAddressFields
        nameField="name"
        slugField="slug"
        nameLabel={t("fields.workspaceName")}
        defaults={{ name: values?.name, slug: values?.slug }}
        errors={{ name: fieldError(result, "name"), slug: fieldError(result, "slug") ?? fieldError(result, "workspaceSlug") }}
      />
      <TextField name="countryCode" label={t("fields.countryCode")} hint={t("fields.countryCodeHint")} required maxLength={2} className="max-w-40" defaultValue={values?.countryCode} error={fieldError(result, "countryCode")} />
      <LocaleSelect name="defaultLocale" defaultValue={values?.defaultLocale || locale} error={fieldError(result, "defaultLocale")} />
      <Button busy={busy} busyLabel={t("common.saving")}>
        {t("workspaces.createSubmit")}
      </Button>
    </Form>
  );
}
