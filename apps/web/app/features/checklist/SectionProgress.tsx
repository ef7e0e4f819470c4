import { useTranslation } from "react-i18next";

/** "4 of 10 answered" with a bar; the numbers are the accessible part, the bar is decoration. */
export function SectionProgress({ answered, total, id }: { answered: number; total: number; id?: string }) {
  const { t } = useTranslation();
  const percent = total === 0 ? 0 : Math.round((answered / total) * 100);
  return (
    <div id={id} className="space-y-1">
      <p className="text-sm text-slate-700">{t("checklist.progress", { answered, total })}</p>
      <div aria-hidden="true" className="h-2 w-full overflow-hidden rounded-full bg-slate-200">
        <div className="h-full bg-teal-700" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
