import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Form, useFetcher } from "react-router";
import { fieldError, useBusy } from "../../lib/form";
import type { RecommendationValues, ReportActionResult, SimilarRecommendation } from "./visit-report.server";
import { Button } from "../../ui/Button";
import { TextArea } from "../../ui/TextArea";
import { FormError } from "../../ui/FormMessage";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { AddresseeChoice, type AuthorityOption } from "./AddresseeChoice";
import { SimilarList } from "./SimilarList";

const PRIORITIES = ["low", "medium", "high"] as const;
const SIMILAR_DELAY_MS = 600;

export type EditedRecommendation = RecommendationValues & { id: string; updatedAt: Date | string };

type Props = {
  slug: string;
  visitId: string;
  authorities: AuthorityOption[];
  /** The recommendation being edited; a new one without. */
  recommendation?: EditedRecommendation;
  result?: ReportActionResult;
  /** The report's language, where it is not the interface's: the text is typed in it. */
  contentLang?: string;
};

/**
 * Adds or edits a recommendation. While the text is typed, a fetcher asks for similar earlier
 * recommendations to the place (after a pause); without JavaScript, "Check for similar
 * recommendations" posts the form and the page comes back with them, and so does every save.
 */
export function RecommendationForm({ slug, visitId, authorities, recommendation, result, contentLang }: Props) {
  const { t } = useTranslation();
  const intent = recommendation ? "update" : "add";
  const prefix = recommendation ? `recommendation-${recommendation.id}` : "recommendation-new";
  const mine = result && (recommendation ? result.intent === "update" && result.targetId === recommendation.id : result.intent === "add" || result.intent === "checkSimilar") ? result : undefined;
  // A refused form (or a similarity check) comes back with what was typed.
  const values: RecommendationValues = mine && (!mine.ok || mine.intent === "checkSimilar") && mine.values ? mine.values : recommendation ?? { text: "", authorityIds: [], themeTags: "", priority: "medium" };
  const busy = useBusy(intent, recommendation ? { name: "recommendationId", value: recommendation.id } : undefined);
  const fetcher = useFetcher<{ text: string; similar: SimilarRecommendation[] }>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const askForSimilar = (text: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void fetcher.load(`/t/${slug}/visits/${visitId}/report/similar?text=${encodeURIComponent(text)}`);
    }, SIMILAR_DELAY_MS);
  };
  // After a save the suggestions appear on the saved recommendation's card; here only for a check.
  const serverSimilar = mine?.ok && mine.intent === "checkSimilar" ? mine.similar : undefined;
  const similar = fetcher.data?.similar ?? serverSimilar;

  return (
    <Form method="post" className="space-y-4">
      {recommendation ? <input type="hidden" name="recommendationId" value={recommendation.id} /> : null}
      {recommendation ? <input type="hidden" name="expectedUpdatedAt" value={new Date(recommendation.updatedAt).toISOString()} /> : null}
      <FormError message={mine && !mine.ok ? mine.message : undefined} />
      <TextArea
        id={`${prefix}-text`}
        name="text"
        label={t("report.text")}
        hint={t("report.textHint")}
        defaultValue={values.text}
        required
        lang={contentLang}
        maxLength={5000}
        rows={4}
        error={fieldError(mine, "text")}
        aria-controls={`${prefix}-similar`}
        onChange={(event) => askForSimilar(event.currentTarget.value)}
      />
      <SimilarList slug={slug} id={`${prefix}-similar`} items={similar} checked={fetcher.data !== undefined || serverSimilar !== undefined} />
      <AddresseeChoice prefix={prefix} authorities={authorities} selected={values.authorityIds} error={fieldError(mine, "authorityIds")} />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <TextField id={`${prefix}-tags`} name="themeTags" label={t("report.tags")} hint={t("report.tagsHint")} defaultValue={values.themeTags} maxLength={600} error={fieldError(mine, "themeTags")} />
        <SelectField
          id={`${prefix}-priority`}
          name="priority"
          label={t("report.priority")}
          defaultValue={values.priority}
          options={PRIORITIES.map((value) => ({ value, label: t(`report.priorities.${value}`) }))}
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button name="intent" value={intent} busy={busy} busyLabel={recommendation ? t("report.saveBusy") : t("report.addBusy")}>
          {recommendation ? t("report.save") : t("report.add")}
        </Button>
        {recommendation ? null : (
          <Button name="intent" value="checkSimilar" variant="secondary" formNoValidate>
            {t("report.similarCheck")}
          </Button>
        )}
      </div>
    </Form>
  );
}
