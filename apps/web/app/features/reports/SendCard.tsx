import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { fieldError, useBusy } from "../../lib/form";
import { dayValue } from "../visits/visit-days";
import type { ReportActionResult } from "./visit-report.server";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { TextField } from "../../ui/TextField";

type Props = { canSend: boolean; deadlineDays: number; result?: ReportActionResult };

/** Sending the draft (coordinators and above), and the workspace's response deadline it will apply. */
export function SendCard({ canSend, deadlineDays, result }: Props) {
  const { t } = useTranslation();
  const sending = useBusy("send");
  const savingDeadline = useBusy("deadline");
  const send = result?.intent === "send" ? result : undefined;
  const deadline = result?.intent === "deadline" ? result : undefined;
  return (
    <Card title={t("report.sendTitle")} id="send">
      <div className="space-y-6">
        <p className="text-slate-700">{t("report.sendLead", { count: deadlineDays })}</p>
        {canSend ? (
          <Form
            method="post"
            className="flex flex-wrap items-end gap-3"
            onSubmit={(event) => {
              if (!window.confirm(t("report.sendConfirm"))) event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="send" />
            <FormError message={send && !send.ok && !fieldError(send, "sentOn") ? send.message : undefined} />
            <TextField id="report-sent-on" name="sentOn" type="date" label={t("report.sentOn")} defaultValue={dayValue(new Date())} required error={fieldError(send, "sentOn")} />
            <Button busy={sending} busyLabel={t("report.sendBusy")}>{t("report.send")}</Button>
          </Form>
        ) : (
          <p className="text-sm text-slate-700">{t("report.sendOnlyCoordinators")}</p>
        )}
        <section aria-labelledby="deadline-heading" className="space-y-3 border-t border-slate-200 pt-4">
          <h3 id="deadline-heading" className="text-base font-semibold text-slate-900">{t("report.deadlineTitle")}</h3>
          {canSend ? (
            <Form method="post" className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="deadline" />
              <FormSuccess message={deadline?.ok ? t("report.deadlineSaved") : undefined} />
              <FormError message={deadline && !deadline.ok && !fieldError(deadline, "responseDeadlineDays") ? deadline.message : undefined} />
              <TextField
                id="report-deadline-days"
                name="responseDeadlineDays"
                type="number"
                min={1}
                max={365}
                step={1}
                inputMode="numeric"
                label={t("report.deadlineDays")}
                hint={t("report.deadlineHint")}
                defaultValue={deadlineDays}
                required
                error={fieldError(deadline, "responseDeadlineDays")}
              />
              <Button variant="secondary" busy={savingDeadline} busyLabel={t("report.saveBusy")}>{t("report.deadlineSave")}</Button>
            </Form>
          ) : (
            <p className="text-sm text-slate-700">{t("report.deadlineCurrent", { count: deadlineDays })}</p>
          )}
        </section>
      </div>
    </Card>
  );
}
