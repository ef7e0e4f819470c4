import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { authorLabel } from "../../ui/attribution";
import { useBusy } from "../../lib/form";
import { useLocale } from "../../lib/locale";
import { useDismissableDisclosure } from "../../lib/use-dismissable-disclosure";
import { formatDay } from "../visits/visit-days";
import type { ReportActionResult } from "./visit-report.server";
import { Button, FOCUS_RING } from "../../ui/Button";
import type { AuthorityOption } from "./AddresseeChoice";
import { RecommendationForm } from "./RecommendationForm";
import { RepeatHints, type RepeatFields } from "./RepeatHints";

export type RecommendationView = RepeatFields & {
  id: string;
  number: number;
  text: string;
  themeTags: string[];
  priority: "low" | "medium" | "high";
  status: string;
  dueDate: Date | string | null;
  updatedAt: Date | string;
  addressees: { id: string; name: string; kind: "institution" | "ministry" }[];
  /** Who drafted it; the workspace only when a partner's member did, on a joint visit. */
  createdBy?: { name: string } | null;
  authorWorkspace?: { name: string } | null;
};

type Props = {
  slug: string;
  visitId: string;
  recommendation: RecommendationView;
  authorities: AuthorityOption[];
  canEdit: boolean;
  /** The report is sent: the recommendation has a timeline of its own to follow. */
  sent: boolean;
  isFirst: boolean;
  isLast: boolean;
  result?: ReportActionResult;
  /** The report's language, where it is not the interface's. */
  contentLang?: string;
};

/** One numbered recommendation: read-only once sent (with its due date), editable in a draft. */
export function RecommendationCard({ slug, visitId, recommendation, authorities, canEdit, sent, isFirst, isLast, result, contentLang }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const deleting = useBusy("delete", { name: "recommendationId", value: recommendation.id });
  const headingId = `recommendation-${recommendation.id}-heading`;
  const mine = result?.targetId === recommendation.id ? result : undefined;
  const failed = mine && !mine.ok && mine.intent !== "update" ? mine.message : undefined;
  // Escape closes the edit panel and returns focus to its toggle; what was typed stays in the form.
  const editPanel = useRef<HTMLDetailsElement>(null);
  useDismissableDisclosure(editPanel);
  return (
    <li aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {t("report.recommendationHeading", { number: recommendation.number })}
        </h3>
        <span className="text-sm text-slate-700">
          {t("report.priority")}: {t(`report.priorities.${recommendation.priority}`)}
        </span>
      </div>
      <p lang={contentLang} className="whitespace-pre-wrap text-slate-900">{recommendation.text}</p>
      <dl className="grid gap-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr] sm:gap-x-3">
        <dt className="font-medium">{t("report.addressees")}</dt>
        <dd>{recommendation.addressees.length > 0 ? recommendation.addressees.map((a) => a.name).join(", ") : t("report.noAddressee")}</dd>
        {recommendation.themeTags.length > 0 ? (
          <>
            <dt className="font-medium">{t("report.tags")}</dt>
            <dd>{recommendation.themeTags.join(", ")}</dd>
          </>
        ) : null}
        {recommendation.authorWorkspace && recommendation.createdBy ? (
          <>
            <dt className="font-medium">{t("report.addedBy")}</dt>
            <dd>{authorLabel(t, recommendation.createdBy.name, recommendation.authorWorkspace)}</dd>
          </>
        ) : null}
        {recommendation.dueDate ? (
          <>
            <dt className="font-medium">{t("report.status")}</dt>
            <dd>
              {t(`report.statuses.${recommendation.status}`)} · {t("report.dueOn", { date: formatDay(locale, recommendation.dueDate) })}
            </dd>
          </>
        ) : null}
      </dl>
      {sent ? (
        <Link to={`/t/${slug}/recommendations/${recommendation.id}`} className={`inline-block text-sm font-medium text-teal-800 underline ${FOCUS_RING}`}>
          {t("recommendationLinks.timeline")}
          <span className="sr-only"> {t("report.recommendationHeading", { number: recommendation.number })}</span>
        </Link>
      ) : null}
      {failed ? <p role="alert" tabIndex={-1} data-feedback="error" className="text-sm font-medium text-red-700">{failed}</p> : null}
      <RepeatHints slug={slug} recommendation={recommendation} canEdit={canEdit} />
      {canEdit ? (
        <div className="flex flex-wrap items-start gap-3">
          <details ref={editPanel} className="min-w-full flex-1 sm:min-w-0" open={mine?.intent === "update" && !mine.ok}>
            <summary className="cursor-pointer text-sm font-medium text-teal-800">
              {t("report.edit")}
              <span className="sr-only"> {t("report.recommendationHeading", { number: recommendation.number })}</span>
            </summary>
            <div className="mt-3">
              <RecommendationForm
                slug={slug}
                visitId={visitId}
                authorities={authorities}
                recommendation={{ ...recommendation, authorityIds: recommendation.addressees.map((a) => a.id), themeTags: recommendation.themeTags.join(", ") }}
                result={result}
                contentLang={contentLang}
              />
            </div>
          </details>
          <Form method="post" className="flex gap-2">
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="recommendationId" value={recommendation.id} />
            {/* The visible words start the accessible name; the number is for screen readers (several lists of buttons). */}
            <Button variant="secondary" name="direction" value="up" disabled={isFirst}>
              {t("report.moveUp")}
              <span className="sr-only"> {t("report.recommendationHeading", { number: recommendation.number })}</span>
            </Button>
            <Button variant="secondary" name="direction" value="down" disabled={isLast}>
              {t("report.moveDown")}
              <span className="sr-only"> {t("report.recommendationHeading", { number: recommendation.number })}</span>
            </Button>
          </Form>
          <Form
            method="post"
            onSubmit={(event) => {
              if (!window.confirm(t("report.deleteConfirm"))) event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="recommendationId" value={recommendation.id} />
            <Button variant="danger" busy={deleting} busyLabel={t("report.deleteBusy")}>
              {t("report.delete")}
              <span className="sr-only"> {t("report.recommendationHeading", { number: recommendation.number })}</span>
            </Button>
          </Form>
        </div>
      ) : null}
    </li>
  );
}
