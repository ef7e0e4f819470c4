import { formatDate, LOCALE_NAMES } from "@vigil/i18n";
import { ChevronDown } from "lucide-react";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ChecklistPageData } from "./checklist-page.server";
import { isAnswered } from "./checklist-values";
import { useLocale } from "../../lib/locale";
import { useDismissableDisclosure } from "../../lib/use-dismissable-disclosure";
import { FOCUS_RING } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { PageHeader } from "../../ui/PageHeader";
import { ChecklistSection, type SectionOutcome } from "./ChecklistSection";
import { SectionProgress } from "./SectionProgress";

type Props = {
  data: ChecklistPageData;
  tenantSlug: string;
  /** The section saved without JavaScript and what came of it. */
  saved: { sectionId: string; outcome: SectionOutcome } | undefined;
  /** `document`: a plain link that loads the page from the server (the offline page has no route discovery to ask). */
  back: { to: string; label: string; document?: boolean };
  /** Where a photo of a question is attached (the visit's evidence page); none on a joint visit's partner side. */
  evidenceHref?: string;
  /** Shown under the progress in the sticky bar: the device's offline status on the visit's own checklist (issue 18). */
  status?: ReactNode;
};

/** A visit's checklist: progress, section links and the sections; shared by own and joint visits. */
export function ChecklistPage({ data, tenantSlug, saved, back, evidenceHref, status }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { visit, template, view, answers, canEdit, history } = data;
  const [answered, setAnswered] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(Object.entries(answers).map(([id, answer]) => [id, isAnswered(answer.value)])),
  );
  const onAnsweredChange = useCallback((questionId: string, value: boolean) => {
    setAnswered((current) => (current[questionId] === value ? current : { ...current, [questionId]: value }));
  }, []);
  const dates = visit.plannedStart === visit.plannedEnd ? formatDate(locale, visit.plannedStart) : `${formatDate(locale, visit.plannedStart)} – ${formatDate(locale, visit.plannedEnd)}`;
  const sectionMenu = useRef<HTMLDetailsElement>(null);
  useDismissableDisclosure(sectionMenu, { closeOnLeave: true });
  // A section link jumps, and the list it came from gets out of the way.
  const closeSectionMenu = () => {
    if (sectionMenu.current) sectionMenu.current.open = false;
  };
  const total = view?.sections.reduce((sum, s) => sum + s.questions.length, 0) ?? 0;
  const answeredTotal = view?.sections.reduce((sum, s) => sum + s.questions.filter((q) => answered[q.id]).length, 0) ?? 0;

  return (
    <div className="mx-auto max-w-3xl space-y-4 sm:space-y-6">
      {back.document ? (
        <a href={back.to} className={`inline-flex min-h-11 items-center text-sm text-teal-800 underline ${FOCUS_RING}`}>
          {back.label}
        </a>
      ) : (
        <Link to={back.to} className={`inline-flex min-h-11 items-center text-sm text-teal-800 underline ${FOCUS_RING}`}>
          {back.label}
        </Link>
      )}
      <PageHeader
        title={t("checklist.title")}
        lead={t(visit.nightVisit ? "checklist.leadNight" : "checklist.lead", { place: visit.place.name, dates })}
      />
      {!view || !template ? (
        <EmptyState title={t("checklist.noTemplate.title")} body={t("checklist.noTemplate.body")} />
      ) : (
        <>
          <div className="space-y-1 rounded-lg border border-slate-200 bg-white px-4 py-3">
            <p className="text-sm text-slate-700">{t("checklist.template", { name: template.name, version: template.version ?? "" })}</p>
            {view.isFallback ? <p className="text-sm text-amber-800">{t("checklist.fallbackLanguage", { language: LOCALE_NAMES[view.language] })}</p> : null}
            {!canEdit ? <p className="text-sm text-slate-700">{t("checklist.readOnly")}</p> : null}
          </div>
          {/* Sticky, so progress and the section list stay a tap away deep in a 42-question checklist (decision 0186). */}
          <div className="sticky top-0 z-10 -mx-4 border-y border-slate-200 bg-white/95 px-4 py-1 backdrop-blur sm:mx-0 sm:rounded-lg sm:border">
            <div className="flex items-center gap-3">
              <div className="min-w-0 flex-1">
                <SectionProgress answered={answeredTotal} total={total} id="overall-progress" />
              </div>
              <details ref={sectionMenu} className="group shrink-0">
                <summary className={`flex min-h-11 cursor-pointer list-none items-center gap-1 rounded-md px-2 text-sm font-medium text-teal-800 [&::-webkit-details-marker]:hidden ${FOCUS_RING}`}>
                  {t("checklist.sections")}
                  <ChevronDown aria-hidden="true" className="size-4 transition-transform group-open:rotate-180" />
                </summary>
                <nav
                  aria-label={t("checklist.sections")}
                  className="absolute inset-x-0 top-full max-h-[60vh] overflow-y-auto border-b border-slate-200 bg-white px-4 py-2 shadow-lg sm:rounded-b-lg sm:border-x"
                >
                  <ol className="grid gap-x-4 text-sm sm:grid-cols-2">
                    {view.sections.map((section, index) => (
                      <li key={section.id}>
                        <a href={`#section-${section.id}`} onClick={closeSectionMenu} className={`flex min-h-11 items-center text-teal-800 underline ${FOCUS_RING}`} lang={view.isFallback ? view.language : undefined}>
                          {index + 1}. {section.title} ({section.questions.filter((q) => answered[q.id]).length}/{section.questions.length})
                        </a>
                      </li>
                    ))}
                  </ol>
                </nav>
              </details>
            </div>
            {status}
          </div>
          <div className="space-y-6">
            {view.sections.map((section, index) => (
              <ChecklistSection
                key={section.id}
                tenantSlug={tenantSlug}
                visitId={visit.id}
                section={section}
                number={index + 1}
                answers={answers}
                answered={answered}
                canEdit={canEdit}
                outcome={saved?.sectionId === section.id ? saved.outcome : undefined}
                history={history}
                contentLang={view.isFallback ? view.language : undefined}
                onAnsweredChange={onAnsweredChange}
                evidenceHref={evidenceHref}
              />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
