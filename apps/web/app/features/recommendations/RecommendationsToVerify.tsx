import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { ActionResult } from "../../lib/form";
import { useLocale } from "../../lib/locale";
import { formatDay } from "../visits/visit-days";
import { useWorkspace } from "../../lib/workspace";
import { FOCUS_RING } from "../../ui/Button";
import { FormSuccess } from "../../ui/FormMessage";
import { RecordUpdateForm } from "./RecordUpdateForm";
import { OverdueBadge, RecommendationStatusBadge } from "./RecommendationStatusBadge";
import type { ServerOutputs } from "../../lib/api-types";

export type ToVerify = ServerOutputs["recommendations"]["toVerify"];

type Props = { visitId: string; toVerify: ToVerify & { followUpOf: NonNullable<ToVerify["followUpOf"]> }; canRecord: boolean; today: string; maxMegabytes: number; result?: ActionResult };

/**
 * On a follow-up visit: the open recommendations of the visit it follows up, each with what was
 * verified on this visit and a form to record a verification (posted to the visit's verify route).
 */
export function RecommendationsToVerify({ visitId, toVerify, canRecord, today, maxMegabytes, result }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { slug } = useWorkspace();
  const [searchParams] = useSearchParams();
  const original = formatDay(locale, toVerify.followUpOf.plannedStart);
  return (
    <section aria-labelledby="to-verify-title" id="to-verify" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="to-verify-title" className="text-lg font-semibold text-slate-900">{t("followUpVisits.toVerifyTitle")}</h2>
      <FormSuccess message={searchParams.get("verified") ? t("followUpVisits.verified") : undefined} />
      <p className="text-slate-700">
        <Link to={`/t/${slug}/visits/${toVerify.followUpOf.id}`} className={`text-teal-800 underline ${FOCUS_RING}`}>{t("followUpVisits.followsUp", { date: original })}</Link>
      </p>
      {toVerify.recommendations.length === 0 ? (
        <p className="text-slate-600">{t("followUpVisits.toVerifyEmpty")}</p>
      ) : (
        <>
          <p className="text-slate-700">{t("followUpVisits.toVerifyLead", { date: original })}</p>
          <ol className="space-y-6">
            {toVerify.recommendations.map((r) => (
              <li key={r.id} className="space-y-2 border-t border-slate-100 pt-4">
                <h3 className="font-semibold text-slate-900">
                  <Link to={`/t/${slug}/recommendations/${r.id}`} className={`text-teal-800 underline ${FOCUS_RING}`}>{t("followUpVisits.verifyPageTitle", { number: r.number })}</Link>
                </h3>
                <p className="whitespace-pre-line text-slate-900">{r.text}</p>
                <p className="flex flex-wrap gap-2">
                  <RecommendationStatusBadge status={r.status} />
                  {r.overdue ? <OverdueBadge /> : null}
                </p>
                {r.verifications.length > 0 ? (
                  <ul className="space-y-1 text-sm text-slate-700">
                    {r.verifications.map((v) => (
                      <li key={v.id}>{t("followUpVisits.verification", { date: formatDay(locale, v.occurredOn), status: t(`recommendations.status.${v.resultingStatus}`) })}</li>
                    ))}
                  </ul>
                ) : null}
                {canRecord ? (
                  <details className="rounded-md border border-slate-200 p-3" open={Boolean(result && !result.ok && (result as { recommendationId?: string }).recommendationId === r.id)}>
                    <summary className={`cursor-pointer font-medium text-teal-800 ${FOCUS_RING}`}>{t("followUpVisits.verifyOpen", { number: r.number })}</summary>
                    <div className="mt-3">
                      <RecordUpdateForm recommendationId={r.id} status={r.status} today={today} maxMegabytes={maxMegabytes} authorities={[]} visits={[]}
                        verificationVisitId={visitId} action={`/t/${slug}/visits/${visitId}/verify`} result={result} />
                    </div>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
