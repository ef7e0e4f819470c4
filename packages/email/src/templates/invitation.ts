import { formatDate, translator, type Locale } from "@vigil/i18n";
import type { OutgoingMail } from "../transport.ts";
import { quotedName } from "../user-text.ts";

export type InvitationMail = {
  to: string;
  locale: Locale;
  workspaceName: string;
  inviterName: string;
  role: string;
  acceptUrl: string;
  expiresAt: Date;
};

export function invitationMail(input: InvitationMail): OutgoingMail {
  const t = translator(input.locale);
  // Both names are user-written: quoted, one line, never a link (user-text.ts).
  const values = { workspace: quotedName(input.locale, input.workspaceName), inviter: quotedName(input.locale, input.inviterName), role: t(`roles.${input.role}`) };
  const lines = [
    t("email.invitation.greeting"),
    "",
    t("email.invitation.body", values),
    "",
    t("email.invitation.action", { link: input.acceptUrl }),
    "",
    t("email.invitation.expiry", { date: formatDate(input.locale, input.expiresAt, "long") }),
    t("email.invitation.ignore"),
  ];
  return { to: input.to, subject: t("email.invitation.subject", values), text: lines.join("\n") };
}
