import { formatDateTime } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { TextField } from "../../ui/TextField";
import { ReauthenticationField } from "./ReauthenticationField";
import { fieldError, useBusy, type ActionResult } from "../../lib/form";
import { useLocale } from "../../lib/locale";
import type { ServerOutputs } from "../../lib/api-types";

type Status = ServerOutputs["twoFactor"]["status"];

/** Two-factor sign-in is on: when, how many recovery codes are left, new codes, turning it off. */
export function TwoFactorEnabled({ status, result, regenerateResult }: { status: Status; result?: ActionResult; regenerateResult?: ActionResult }) {
  const { t } = useTranslation();
  const regenerating = useBusy("regenerate");
  const disabling = useBusy("disable");
  const locale = useLocale();
  return (
    <>
      <Card title={t("twoFactor.enabledTitle")} id="enabled">
        <p className="text-sm text-slate-700">
          {t("twoFactor.enabledSince", { time: status.enabledAt ? formatDateTime(locale, status.enabledAt) : "" })}
        </p>
        <p className="mt-1 text-sm text-slate-700">{t("twoFactor.codesLeft", { count: status.unusedRecoveryCodes })}</p>
        <Form method="post" className="mt-4 space-y-4">
          <FormError message={regenerateResult && !regenerateResult.ok ? regenerateResult.message : undefined} />
          <input type="hidden" name="intent" value="regenerate" />
          <ReauthenticationField id="regenerate-reauthentication" error={fieldError(regenerateResult, "reauthentication", "regenerate")} />
          <Button variant="secondary" busy={regenerating} busyLabel={t("twoFactor.working")}>
            {t("twoFactor.regenerate")}
          </Button>
        </Form>
      </Card>
      <Card title={t("twoFactor.disableTitle")} id="disable">
        <Form method="post" className="space-y-4">
          <FormError message={result && !result.ok ? result.message : undefined} />
          <FormSuccess message={result?.ok ? t("twoFactor.disabled") : undefined} />
          <input type="hidden" name="intent" value="disable" />
          {/* A recovery code is accepted too: the only proof left if the authenticator's secret cannot be read (decision 0161). */}
          <TextField name="code" label={t("twoFactor.disableCodeLabel")} autoComplete="one-time-code" maxLength={40} required error={fieldError(result, "code", "disable")} />
          <Button variant="danger" busy={disabling} busyLabel={t("twoFactor.working")}>
            {t("twoFactor.disable")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
