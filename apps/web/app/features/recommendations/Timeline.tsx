import type { RecommendationStatus, RecommendationUpdateSource } from "@vigil/db";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../lib/locale";
import { formatDay } from "../visits/visit-days";
import { useWorkspace } from "../../lib/workspace";
import { AttachmentList, type AttachmentSummary } from "../evidence/AttachmentList";

export type TimelineEntry = {
  id: string;
  occurredOn: Date | string;
  source: RecommendationUpdateSource;
  resultingStatus: RecommendationStatus;
  text: string;
  authority: { id: string; name: string } | null;
  visit: { id: string; plannedStart: Date | string } | null;
  createdBy: { name: string } | null;
  documents: AttachmentSummary[];
};

/** The updates of a recommendation, oldest first, as an ordered list (it reads in order). */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { slug } = useWorkspace();
  if (entries.length === 0) return <p className="text-slate-600">{t("recommendations.timelineEmpty")}</p>;
  return (
    <ol className="space-y-4 border-l-2 border-slate-200 pl-4">
      {entries.map((entry) => (
        <li key={entry.id} className="space-y-1">
          <h3 className="font-semibold text-slate-900">{`${formatDay(locale, entry.occurredOn)} · ${t(`recommendations.source.${entry.source}`)}`}</h3>
          {entry.authority ? <p className="text-sm text-slate-700">{t("recommendations.entryFrom", { authority: entry.authority.name })}</p> : null}
          {entry.visit ? <p className="text-sm text-slate-700">{t("recommendations.entryOnVisit", { date: formatDay(locale, entry.visit.plannedStart) })}</p> : null}
          <p className="whitespace-pre-line text-slate-900">{entry.text}</p>
          <p className="text-sm font-medium text-slate-800">
            {t("recommendations.entryStatus", { status: t(`recommendations.status.${entry.resultingStatus}`) })}
          </p>
          {entry.createdBy ? <p className="text-xs text-slate-600">{t("recommendations.entryRecordedBy", { name: entry.createdBy.name })}</p> : null}
          {entry.documents.length > 0 ? (
            <div className="pt-1">
              <h4 className="text-sm font-medium text-slate-800">{t("recommendations.documents")}</h4>
              <AttachmentList slug={slug} attachments={entry.documents} canEdit={false} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
