import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLocale } from "../../lib/locale";
import { formatDay } from "../visits/visit-days";
import type { SimilarRecommendation } from "./visit-report.server";

/**
 * Earlier recommendations to the same place that read like the one being drafted: the
 * repeated-recommendation check. `checked` says whether a search ran (to tell "none" from "not yet").
 */
export function SimilarList({ slug, items, checked, id }: { slug: string; items: SimilarRecommendation[] | undefined; checked: boolean; id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div id={id} aria-live="polite" className="space-y-2">
      {items && items.length > 0 ? (
        <section aria-labelledby={`${id}-heading`} className="rounded-md border border-amber-300 bg-amber-50 p-3">
          <h4 id={`${id}-heading`} className="text-sm font-semibold text-amber-950">{t("report.similarTitle")}</h4>
          <p className="text-sm text-amber-950">{t("report.similarLead")}</p>
          <ul className="mt-2 space-y-2">
            {items.map((item) => (
              <li key={item.id} className="text-sm text-slate-900">
                <Link to={`/t/${slug}/visits/${item.visitId}/report`} className="font-medium text-teal-800 underline">
                  {t("report.similarItem", { number: item.number, date: formatDay(locale, item.visitStart) })}
                </Link>
                <span className="ml-2 text-slate-700">{t("report.similarStatus", { status: t(`report.statuses.${item.status}`) })}</span>
                <p className="whitespace-pre-wrap text-slate-800">{item.text}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : checked ? (
        <p className="text-sm text-slate-600">{t("report.similarNone")}</p>
      ) : null}
    </div>
  );
}
