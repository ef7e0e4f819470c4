import { FINDING_SEVERITIES } from "@vigil/api/evidence";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { fieldError, useBusy, type ActionResult } from "../../lib/form";
import { Button } from "../../ui/Button";
import { FormError } from "../../ui/FormMessage";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { TextArea } from "../../ui/TextArea";

export type FindingValues = { id: string; theme: string; text: string; severity: (typeof FINDING_SEVERITIES)[number] };

/** Records a finding, or edits one (`finding` given). */
export function FindingForm({ finding, result }: { finding?: FindingValues; result?: ActionResult }) {
  const { t } = useTranslation();
  const intent = finding ? "update" : "create";
  const prefix = finding ? `finding-${finding.id}` : "finding-new";
  const busy = useBusy(intent, finding ? { name: "findingId", value: finding.id } : undefined);
  const mine = result && result.intent === intent && (!finding || result.targetId === finding.id) ? result : undefined;
  return (
    <Form method="post" className="space-y-4">
      <input type="hidden" name="intent" value={intent} />
      {finding ? <input type="hidden" name="findingId" value={finding.id} /> : null}
      <FormError message={mine && !mine.ok ? mine.message : undefined} />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <TextField id={`${prefix}-theme`} name="theme" label={t("findings.theme")} hint={t("findings.themeHint")} defaultValue={finding?.theme} required maxLength={200} error={fieldError(mine, "theme")} />
        <SelectField
          id={`${prefix}-severity`}
          name="severity"
          label={t("findings.severity")}
          defaultValue={finding?.severity ?? "medium"}
          options={FINDING_SEVERITIES.map((value) => ({ value, label: t(`severities.${value}`) }))}
        />
      </div>
      <TextArea id={`${prefix}-text`} name="text" label={t("findings.text")} defaultValue={finding?.text} required rows={4} error={fieldError(mine, "text")} />
      <Button busy={busy} busyLabel={t("findings.submitBusy")}>
        {finding ? t("findings.save") : t("findings.submit")}
      </Button>
    </Form>
  );
}
