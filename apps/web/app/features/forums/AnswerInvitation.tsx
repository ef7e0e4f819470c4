import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { useBusy } from "../../lib/form";
import { Button } from "../../ui/Button";

/** Accept or decline a forum invitation (admins of the invited workspace). */
export function AnswerInvitation({ forumId, forumName, action }: { forumId: string; forumName: string; action?: string }) {
  const { t } = useTranslation();
  const busy = useBusy("respond", { name: "forumId", value: forumId });
  return (
    <Form method="post" action={action} className="flex flex-wrap gap-2">
      <input type="hidden" name="intent" value="respond" />
      <input type="hidden" name="forumId" value={forumId} />
      <Button name="answer" value="accept" busy={busy} aria-label={t("forums.acceptNamed", { name: forumName })}>{t("forums.accept")}</Button>
      <Button name="answer" value="decline" variant="secondary" disabled={busy} aria-label={t("forums.declineNamed", { name: forumName })}>{t("forums.decline")}</Button>
    </Form>
  );
}
