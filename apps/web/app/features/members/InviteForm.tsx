import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { fieldError, useBusy, type ActionResult } from "../../lib/form";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError, FormSuccess } from "../../ui/FormMessage";
import { TextField } from "../../ui/TextField";
import { RoleSelect } from "./RoleSelect";

/** Admins invite by e-mail; the invitation link arrives in the invitee's inbox. */
export function InviteForm({ result }: { result?: ActionResult & { email?: string } }) {
  const { t } = useTranslation();
  const busy = useBusy("invite");
  return (
    <Card title={t("members.inviteTitle")} id="invite">
      <Form method="post" className="space-y-4" key={result?.ok ? `sent-${result.email}` : "invite"}>
        <input type="hidden" name="intent" value="invite" />
        <FormSuccess message={result?.ok ? t("members.inviteSent", { email: result.email }) : undefined} />
        <FormError message={result && !result.ok ? result.message : undefined} />
        <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
          <TextField
            name="email"
            id="invite-email"
            type="email"
            label={t("fields.email")}
            autoComplete="off"
            required
            defaultValue={result && !result.ok ? result.email : undefined}
            error={fieldError(result, "email")}
          />
          <RoleSelect id="invite-role" label={t("fields.role")} defaultValue="monitor" error={fieldError(result, "role")} />
        </div>
        <Button busy={busy} busyLabel={t("members.inviteBusy")}>
          {t("members.inviteSubmit")}
        </Button>
      </Form>
    </Card>
  );
}
