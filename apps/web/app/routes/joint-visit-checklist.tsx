import { localizeChecklist } from "@vigil/api";
import { formatDate, LOCALE_NAMES } from "@vigil/i18n";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { data, Link } from "react-router";
import { FOCUS_RING } from "../components/Button";
import { ChecklistSection } from "../components/checklist/ChecklistSection";
import { SectionProgress } from "../components/checklist/SectionProgress";
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";
import { loaderError, serverApi } from "../lib/api.server";
import { saveSectionFromForm } from "../lib/checklist-action.server";
import { isAnswered } from "../lib/checklist-values";
import { pageTitle, useLocale } from "../lib/locale";
import type { SavedAnswer } from "../lib/use-answer-autosave";
import { ChecklistEndpointsContext, JOINT_VISIT_ENDPOINTS } from "../lib/checklist-endpoints";
import type { Route } from "./+types/joint-visit-checklist";

/**
 * The host's checklist of a joint visit, filled in from the partner's own workspace: the same
 * checklist components as a workspace's own visit, saving through the jointVisits procedures
 * (docs/decisions/0100-joint-visits.md).
 */
export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "checklist.title");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context);
  const tenantSlug = params.slug;
  try {
    const checklist = await api.caller.jointVisits.checklist({ tenantSlug, visitId: params.visitId });
    const view = checklist.template ? localizeChecklist(checklist.template.content, checklist.template.languages, api.ctx.locale) : null;
    // Without JavaScript, "History" reloads the page with ?history=<question>.
    const historyOf = new URL(request.url).searchParams.get("history");
    const history =
      historyOf && view?.sections.some((s) => s.questions.some((q) => q.id === historyOf))
        ? { questionId: historyOf, entries: await api.caller.jointVisits.history({ tenantSlug, visitId: params.visitId, questionId: historyOf }) }
        : null;
    const answers: Record<string, SavedAnswer> = Object.fromEntries(checklist.answers.map((a) => [a.questionId, a]));
    return { visit: checklist.visit, template: checklist.template ? { name: checklist.template.name, version: checklist.template.version } : null, view, answers, canEdit: checklist.canEdit, history };
  } catch (error) {
    loaderError(error, request);
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const api = await serverApi(request, context);
  try {
    const result = await saveSectionFromForm(api, params.slug, params.visitId, await request.formData(), {
      get: (input) => api.caller.jointVisits.checklist(input),
      save: (input) => api.caller.jointVisits.saveAnswer(input),
    });
    return data(result, { status: Object.keys(result.outcome.unsaved).length > 0 ? 409 : 200 });
  } catch (error) {
    loaderError(error, request);
  }
}

export default function JointVisitChecklist({ loaderData, actionData, params }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { visit, template, view, answers, canEdit, history } = loaderData;
  const [answered, setAnswered] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(Object.entries(answers).map(([id, answer]) => [id, isAnswered(answer.value)])),
  );
  const onAnsweredChange = useCallback((questionId: string, value: boolean) => {
    setAnswered((current) => (current[questionId] === value ? current : { ...current, [questionId]: value }));
  }, []);
  const dates = visit.plannedStart === visit.plannedEnd ? formatDate(locale, visit.plannedStart) : `${formatDate(locale, visit.plannedStart)} – ${formatDate(locale, visit.plannedEnd)}`;
  const total = view?.sections.reduce((sum, s) => sum + s.questions.length, 0) ?? 0;
  const answeredTotal = view?.sections.reduce((sum, s) => sum + s.questions.filter((q) => answered[q.id]).length, 0) ?? 0;

  return (
    <ChecklistEndpointsContext.Provider value={JOINT_VISIT_ENDPOINTS}>
    <div className="mx-auto max-w-3xl space-y-6">
      <Link to={`/t/${params.slug}/joint-visits/${visit.id}`} className={`inline-flex min-h-10 items-center text-sm text-teal-800 underline ${FOCUS_RING}`}>
        {t("joint.visit.backToVisit")}
      </Link>
      <PageHeader
        title={t("checklist.title")}
        lead={t(visit.nightVisit ? "checklist.leadNight" : "checklist.lead", { place: visit.place.name, dates })}
      />
      {!view || !template ? (
        <EmptyState title={t("checklist.noTemplate.title")} body={t("checklist.noTemplate.body")} />
      ) : (
        <>
          <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-700">{t("checklist.template", { name: template.name, version: template.version ?? "" })}</p>
            <SectionProgress answered={answeredTotal} total={total} id="overall-progress" />
            {view.isFallback ? <p className="text-sm text-amber-800">{t("checklist.fallbackLanguage", { language: LOCALE_NAMES[view.language] })}</p> : null}
            {!canEdit ? <p className="text-sm text-slate-700">{t("checklist.readOnly")}</p> : null}
            <nav aria-label={t("checklist.sections")}>
              <ol className="grid gap-1 text-sm sm:grid-cols-2">
                {view.sections.map((section, index) => (
                  <li key={section.id}>
                    <a href={`#section-${section.id}`} className={`inline-flex min-h-10 items-center text-teal-800 underline ${FOCUS_RING}`} lang={view.isFallback ? view.language : undefined}>
                      {index + 1}. {section.title} ({section.questions.filter((q) => answered[q.id]).length}/{section.questions.length})
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          </div>
          <div className="space-y-6">
            {view.sections.map((section, index) => (
              <ChecklistSection
                key={section.id}
                tenantSlug={params.slug}
                visitId={visit.id}
                section={section}
                number={index + 1}
                answers={answers}
                answered={answered}
                canEdit={canEdit}
                outcome={actionData?.sectionId === section.id ? actionData.outcome : undefined}
                history={history}
                contentLang={view.isFallback ? view.language : undefined}
                onAnsweredChange={onAnsweredChange}
              />
            ))}
          </div>
        </>
      )}
    </div>
    </ChecklistEndpointsContext.Provider>
  );
}
