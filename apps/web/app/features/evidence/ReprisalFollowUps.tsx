import { formatDate } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { useBusy } from "../../lib/form";
import { useLocale } from "../../lib/locale";
import { Button, FOCUS_RING } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { displayableDay, isoDay } from "./dates";
import type { ServerOutputs } from "../../lib/api-types";

export type FollowUp = ServerOutputs["interviews"]["followUpsDue"][number];

function FollowUpRow({ slug, followUp, today, canCheck }: { slug: string; followUp: FollowUp; today: string; canCheck: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useBusy("checkFollowUp", { name: "interviewId", value: followUp.id });
  const due = followUp.followUpDue ? isoDay(followUp.followUpDue) : today;
  const date = formatDate(locale, displayableDay(due));
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 py-2 last:border-0">
      <div>
        <p className="font-medium text-slate-900">{t("followUps.item", { pseudonym: followUp.pseudonym, place: followUp.placeName })}</p>
        <p className={due < today ? "text-sm font-medium text-red-700" : "text-sm text-slate-700"}>
          {due < today ? t("followUps.overdue", { date }) : t("followUps.due", { date })}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Link to={`/t/${slug}/visits/${followUp.visitId}/interviews`} className={`text-sm text-teal-800 underline ${FOCUS_RING}`}>
          {t("followUps.open")}
        </Link>
        {canCheck ? (
          <Form method="post">
            <input type="hidden" name="intent" value="checkFollowUp" />
            <input type="hidden" name="interviewId" value={followUp.id} />
            <Button variant="secondary" busy={busy} busyLabel={t("interviews.checkFollowUpBusy")}>
              {t("interviews.checkFollowUp")}
            </Button>
          </Form>
        ) : null}
      </div>
    </li>
  );
}

/**
 * How many follow-ups the home lists, soonest first: a summary to act on, not the whole backlog of a
 * large workspace (each row is a form; fifty of them made the home the slowest page to render).
 */
export const FOLLOW_UPS_SHOWN = 10;

/** The dashboard's reminder: people at risk of reprisals stay listed until someone checks on them. */
export function ReprisalFollowUps({ slug, followUps, today, canCheck }: { slug: string; followUps: FollowUp[]; today: string; canCheck: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t("followUps.title")} id="reprisal-follow-ups">
      <p className="mb-3 text-sm text-slate-600">{t("followUps.lead")}</p>
      {followUps.length === 0 ? (
        <p className="text-sm text-slate-700">{t("followUps.empty")}</p>
      ) : (
        <>
          <ul>
            {followUps.slice(0, FOLLOW_UPS_SHOWN).map((followUp) => (
              <FollowUpRow key={followUp.id} slug={slug} followUp={followUp} today={today} canCheck={canCheck} />
            ))}
          </ul>
          {followUps.length > FOLLOW_UPS_SHOWN ? <p className="mt-2 text-sm text-slate-700">{t("followUps.more")}</p> : null}
        </>
      )}
    </Card>
  );
}
