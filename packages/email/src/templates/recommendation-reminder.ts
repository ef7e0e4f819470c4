import { formatDate, translator, type Locale } from "@vigil/i18n";
import type { OutgoingMail } from "../transport.ts";
import { quotedName, quotedPassage } from "../user-text.ts";

export type RecommendationReminderMail = {
  to: string;
  locale: Locale;
  workspaceName: string;
  placeName: string;
  number: number;
  text: string;
  addressees: string[];
  dueDate: Date;
  url: string;
};

/** Due dates are calendar days (read as UTC midnight): formatted in UTC so the day never shifts. */
function formatDay(locale: Locale, day: Date): string {
  return formatDate(locale, day, "long", "UTC");
}

/** Tells a coordinator that an authority has not answered a recommendation by its due date. */
export function recommendationReminderMail(input: RecommendationReminderMail): OutgoingMail {
  const t = translator(input.locale);
  const values = {
    // User-written names: quoted, one line, never a link (user-text.ts).
    workspace: quotedName(input.locale, input.workspaceName), place: quotedName(input.locale, input.placeName), number: input.number,
    date: formatDay(input.locale, input.dueDate), addressees: input.addressees.map((name) => quotedName(input.locale, name)).join(", "),
  };
  const excerpt = input.text.length > 500 ? `${input.text.slice(0, 500)}…` : input.text;
  const lines = [
    t("followUpEmail.greeting"),
    "",
    t("followUpEmail.body", values),
    "",
    quotedPassage(excerpt),
    "",
    t("followUpEmail.addressees", values),
    t("followUpEmail.action", { link: input.url }),
    "",
    t("followUpEmail.why", values),
  ];
  return { to: input.to, subject: t("followUpEmail.subject", values), text: lines.join("\n") };
}
