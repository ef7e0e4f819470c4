import { formatDate } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import type { ActionResult } from "../../lib/form";
import { useLocale } from "../../lib/locale";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError } from "../../ui/FormMessage";
import type { ServerOutputs } from "../../lib/api-types";

type Invitation = ServerOutputs["members"]["invitations"][number];

/** Invitations not yet accepted, each with a revoke button. */
export function PendingInvitations({ invitations, result }: { invitations: Invitation[]; result?: ActionResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t("members.pendingTitle")} id="pending">
      {invitations.length === 0 ? (
        <p className="text-slate-600">{t("members.pendingEmpty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p className="font-medium text-slate-900">{invitation.email}</p>
                <p className="text-sm text-slate-600">
                  {t(`roles.${invitation.role}`)} · {t("members.expires", { date: formatDate(locale, invitation.expiresAt) })}
                </p>
                {result && !result.ok && result.targetId === invitation.id ? <FormError message={result.message} /> : null}
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="invitationId" value={invitation.id} />
                <Button variant="secondary" aria-label={t("members.revokeFor", { email: invitation.email })}>
                  {t("members.revoke")}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
