import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { useBusy, type ActionResult } from "../../lib/form";
import { Button } from "../../ui/Button";
import { FormError } from "../../ui/FormMessage";
import { SelectField } from "../../ui/SelectField";
import { TextArea } from "../../ui/TextArea";

type Recommendation = { id: string; number: number; text: string; priority: "low" | "medium" | "high"; updatedAt: string | Date };

/**
 * A partner's recommendation in the host's report draft (docs/decisions/0107-joint-report-draft.md):
 * its text and priority. Without `recommendation` it adds a new one; with it, it edits that one
 * (the host's tags and addressees are kept).
 */
export function PartnerRecommendationForm({ recommendation, result }: { recommendation?: Recommendation; result?: ActionResult }) {
  const { t } = useTranslation();
  const key = recommendation?.id ?? "new";
  const intent = recommendation ? "updateRecommendation" : "addRecommendation";
  const busy = useBusy(intent, recommendation ? { name: "recommendationId", value: recommendation.id } : undefined);
  const mine = result?.intent === intent && (result.targetId ?? "") === (recommendation?.id ?? "") ? result : undefined;
  const failed = mine && !mine.ok ? mine : undefined;
  return (
    <Form method="post" className="space-y-3">
      <input type="hidden" name="intent" value={intent} />
      {recommendation ? <input type="hidden" name="recommendationId" value={recommendation.id} /> : null}
      {recommendation ? <input type="hidden" name="expectedUpdatedAt" value={new Date(recommendation.updatedAt).toISOString()} /> : null}
      <FormError message={failed?.message} />
      <TextArea id={`recommendation-text-${key}`} name="text" label={t("report.text")} error={failed?.fieldErrors?.text} rows={3} required defaultValue={recommendation?.text ?? ""} />
      <SelectField
        id={`recommendation-priority-${key}`}
        name="priority"
        label={t("report.priority")}
        defaultValue={recommendation?.priority ?? "medium"}
        options={(["low", "medium", "high"] as const).map((value) => ({ value, label: t(`report.priorities.${value}`) }))}
      />
      <Button variant={recommendation ? "secondary" : "primary"} busy={busy} busyLabel={t("report.saveBusy")}>
        {recommendation ? t("joint.visit.draft.save", { number: recommendation.number }) : t("joint.visit.draft.add")}
      </Button>
    </Form>
  );
}
