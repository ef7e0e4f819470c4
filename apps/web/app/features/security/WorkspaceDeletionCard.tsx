import { formatDate } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError } from "../../ui/FormMessage";
import { TextField } from "../../ui/TextField";
import { ReauthenticationField } from "./ReauthenticationField";
import { fieldError, useBusy, type ActionResult } from "../../lib/form";
import { useLocale } from "../../lib/locale";

/** Delete the workspace (type its name), or restore it during the 30 days' grace. */
export function WorkspaceDeletionCard({ name, purgeAfter, result }: { name: string; purgeAfter: Date | string | null; result?: ActionResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const deleting = useBusy("delete");
  const restoring = useBusy("restore");
  if (purgeAfter) {
    return (
      <Card title={t("workspaceDeletion.scheduledTitle")} id="deletion">
        <p className="mb-4 text-sm text-red-800">{t("workspaceDeletion.scheduled", { date: formatDate(locale, purgeAfter, "long") })}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="restore" />
          <Button busy={restoring}>{t("workspaceDeletion.restore")}</Button>
        </Form>
      </Card>
    );
  }
  return (
    <Card title={t("workspaceDeletion.title")} id="deletion">
      <p className="mb-4 text-sm text-slate-700">{t("workspaceDeletion.lead")}</p>
      <Form method="post" className="space-y-4">
        <FormError message={result && !result.ok ? result.message : undefined} />
        <input type="hidden" name="intent" value="delete" />
        <TextField name="confirmName" label={t("workspaceDeletion.confirmLabel", { name })} autoComplete="off" required error={fieldError(result, "confirmName", "delete")} />
        <ReauthenticationField id="delete-reauthentication" error={fieldError(result, "reauthentication", "delete")} />
        <Button variant="danger" busy={deleting}>
          {t("workspaceDeletion.delete")}
        </Button>
      </Form>
    </Card>
  );
}
