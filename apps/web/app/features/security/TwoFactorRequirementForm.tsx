import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { useBusy, type ActionResult } from "../../lib/form";

/** "Every member signs in with a second factor" (owners and admins always must). */
export function TwoFactorRequirementForm({ required, canChange, result }: { required: boolean; canChange: boolean; result?: ActionResult }) {
  const { t } = useTranslation();
  const busy = useBusy("requirement");
  return (
    <Card title={t("security.twoFactorTitle")} id="two-factor-requirement">
      <p className="mb-4 text-sm text-slate-700">{t("security.twoFactorAlways")}</p>
      <Form method="post" className="space-y-4">
        <input type="hidden" name="intent" value="requirement" />
        <FormError message={result && !result.ok ? result.message : undefined} />
        <FormSuccess message={result?.ok ? t("security.saved") : undefined} />
        <div className="flex items-start gap-2">
          <input
            id="require-two-factor"
            type="checkbox"
            name="requireTwoFactor"
            defaultChecked={required}
            disabled={!canChange}
            className="mt-1 h-4 w-4"
          />
          <label htmlFor="require-two-factor" className="text-sm text-slate-800">
            {t("security.requireTwoFactor")}
          </label>
        </div>
        {canChange ? (
          <Button busy={busy} busyLabel={t("security.saving")}>
            {t("security.save")}
          </Button>
        ) : (
          <p className="text-sm text-slate-600">{t("security.ownersOnly")}</p>
        )}
      </Form>
    </Card>
  );
}
