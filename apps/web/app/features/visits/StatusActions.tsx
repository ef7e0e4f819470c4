import type { VisitStatus } from "@vigil/db";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { useBusy, type ActionResult } from "../../lib/form";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { VisitStatusBadge } from "./VisitStatusBadge";

/** The current status and, for those who may change it, one button per allowed next status. */
export function StatusActions({ status, nextStatuses, canChange, result }: { status: VisitStatus; nextStatuses: readonly VisitStatus[]; canChange: boolean; result?: ActionResult }) {
  const { t } = useTranslation();
  const busy = useBusy("transition");
  return (
    <Card title={t("visitDetail.statusTitle")} id="status">
      <div className="space-y-3">
        <p className="flex items-center gap-2">
          <span className="text-sm text-slate-600">{t("visitDetail.currentStatus")}</span>
          <VisitStatusBadge status={status} />
        </p>
        <FormError message={result && !result.ok ? result.message : undefined} />
        <FormSuccess message={result?.ok ? t("visitDetail.statusChanged", { status: t(`visitStatus.${status}`) }) : undefined} />
        {nextStatuses.length === 0 ? (
          <p className="text-sm text-slate-600">{t("visitDetail.finalStatus")}</p>
        ) : canChange ? (
          <Form method="post" className="flex flex-wrap gap-2">
            <input type="hidden" name="intent" value="transition" />
            {nextStatuses.map((to) => (
              <Button key={to} name="to" value={to} variant={to === "cancelled" ? "danger" : "primary"} busy={busy}>
                {t(`visitActions.${to}`)}
              </Button>
            ))}
          </Form>
        ) : null}
      </div>
    </Card>
  );
}
