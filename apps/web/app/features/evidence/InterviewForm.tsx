import { ALLEGATION_CODES, INTERVIEWEE_CATEGORIES, type AllegationCode, type IntervieweeCategoryCode } from "@vigil/api/evidence";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { fieldError, useBusy, type ActionResult } from "../../lib/form";
import { Button } from "../../ui/Button";
import { FormError } from "../../ui/FormMessage";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { Checkbox } from "./Checkbox";
import { isoDay } from "./dates";
import { TextArea } from "../../ui/TextArea";

export type InterviewValues = {
  id: string;
  pseudonym: string;
  category: IntervieweeCategoryCode;
  consentGiven: boolean;
  allegations: string[];
  reprisalRisk: boolean;
  followUpDue: Date | string | null;
};

type Props = { suggestion: string; interview?: InterviewValues; result?: ActionResult };

/** Records a new interview, or edits one (`interview` given). Notes are write-only here. */
export function InterviewForm({ suggestion, interview, result }: Props) {
  const { t } = useTranslation();
  const intent = interview ? "update" : "create";
  const prefix = interview ? `interview-${interview.id}` : "interview-new";
  const busy = useBusy(intent, interview ? { name: "interviewId", value: interview.id } : undefined);
  const mine = result && result.intent === intent && (!interview || result.targetId === interview.id) ? result : undefined;
  const error = (name: string) => fieldError(mine, name);
  return (
    <Form method="post" className="space-y-4">
      <input type="hidden" name="intent" value={intent} />
      {interview ? <input type="hidden" name="interviewId" value={interview.id} /> : null}
      <FormError message={mine && !mine.ok ? mine.message : undefined} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={`${prefix}-pseudonym`}
          name="pseudonym"
          label={t("interviews.pseudonym")}
          hint={t("interviews.pseudonymHint", { suggestion })}
          defaultValue={interview?.pseudonym ?? suggestion}
          autoComplete="off"
          maxLength={40}
          required
          error={error("pseudonym")}
        />
        <SelectField
          id={`${prefix}-category`}
          name="category"
          label={t("interviews.category")}
          defaultValue={interview?.category ?? "detainee"}
          options={INTERVIEWEE_CATEGORIES.map((value) => ({ value, label: t(`intervieweeCategories.${value}`) }))}
        />
      </div>
      <Checkbox id={`${prefix}-consent`} name="consentGiven" label={t("interviews.consent")} defaultChecked={interview?.consentGiven ?? false} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("interviews.allegations")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {ALLEGATION_CODES.map((code: AllegationCode) => (
            <Checkbox
              key={code}
              id={`${prefix}-allegation-${code}`}
              name="allegations"
              value={code}
              label={t(`allegations.${code}`)}
              defaultChecked={interview?.allegations.includes(code) ?? false}
            />
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2 sm:items-end">
        <Checkbox id={`${prefix}-reprisal`} name="reprisalRisk" label={t("interviews.reprisalRisk")} defaultChecked={interview?.reprisalRisk ?? false} />
        <TextField
          id={`${prefix}-follow-up`}
          name="followUpDue"
          type="date"
          label={t("interviews.followUpDue")}
          defaultValue={interview?.followUpDue ? isoDay(interview.followUpDue) : undefined}
          error={error("followUpDue")}
        />
      </div>
      <TextArea
        id={`${prefix}-notes`}
        name="notes"
        label={t("interviews.notes")}
        hint={interview ? t("interviews.notesReplaceHint") : t("interviews.notesHint")}
        rows={5}
        error={error("notes")}
      />
      <Button busy={busy} busyLabel={t("interviews.submitBusy")}>
        {interview ? t("interviews.save") : t("interviews.submit")}
      </Button>
    </Form>
  );
}
