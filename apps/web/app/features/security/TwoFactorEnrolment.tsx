import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError } from "../../ui/FormMessage";
import { TextField } from "../../ui/TextField";
import { ReauthenticationField } from "./ReauthenticationField";
import { fieldError, useBusy, type ActionResult } from "../../lib/form";

type Enrolment = { secret: string; qrCode: string };

/** Scan the QR code (or type the secret), then prove it with a first code. */
export function TwoFactorEnrolment({ enrolment, required, result }: { enrolment: Enrolment; required: boolean; result?: ActionResult }) {
  const { t } = useTranslation();
  const busy = useBusy("confirm");
  const error = result && !result.ok ? result.message : undefined;
  return (
    <Card title={t("twoFactor.enrolTitle")} id="enrol">
      {required ? <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("twoFactor.requiredNotice")}</p> : null}
      <ol className="mb-4 list-decimal space-y-2 pl-5 text-sm text-slate-700">
        <li>{t("twoFactor.stepScan")}</li>
        <li>{t("twoFactor.stepConfirm")}</li>
      </ol>
      <img src={enrolment.qrCode} alt={t("twoFactor.qrAlt")} width={192} height={192} className="mb-4 rounded border border-slate-200" />
      <p className="text-sm text-slate-700">{t("twoFactor.manualEntry")}</p>
      <p className="mb-4 font-mono text-base break-all" data-testid="totp-secret">
        {enrolment.secret}
      </p>
      <Form method="post" className="space-y-4">
        <FormError message={error} />
        <input type="hidden" name="intent" value="confirm" />
        <TextField
          name="code"
          label={t("twoFactor.codeLabel")}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          error={fieldError(result, "code")}
        />
        {/* The password too (decision 0151): a stolen session alone must not enrol an authenticator. */}
        <ReauthenticationField id="enrol-reauthentication" error={fieldError(result, "reauthentication")} />
        <Button busy={busy} busyLabel={t("twoFactor.verifying")}>
          {t("twoFactor.enable")}
        </Button>
      </Form>
    </Card>
  );
}
