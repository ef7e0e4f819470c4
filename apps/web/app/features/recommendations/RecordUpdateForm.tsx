import { localizedName, type NamedInLanguages } from "@vigil/i18n";
import type { RecommendationStatus, RecommendationUpdateSource } from "@vigil/db";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { fieldError, useBusy, type ActionResult } from "../../lib/form";
import { useLocale } from "../../lib/locale";
import { formatDay } from "../visits/visit-days";
import { Button } from "../../ui/Button";
import { FieldFrame } from "../../ui/FieldFrame";
import { FormError } from "../../ui/FormMessage";
import { SelectField } from "../../ui/SelectField";
import { TextArea } from "../../ui/TextArea";
import { INPUT_CLASS, TextField } from "../../ui/TextField";
import { RECOMMENDATION_STATUS_VALUES } from "./RecommendationFilters";

const SOURCES = ["authority_response", "follow_up_visit", "npm_assessment"] as const satisfies readonly RecommendationUpdateSource[];

type Props = {
  recommendationId: string;
  status: RecommendationStatus;
  today: string;
  maxMegabytes: number;
  /** The addressees, offered as the responding authority. */
  authorities: ({ id: string } & NamedInLanguages)[];
  /** Follow-up visits of the recommendation's visit, offered for a verification. */
  visits: { id: string; plannedStart: Date | string }[];
  result?: ActionResult;
  /** Set on the follow-up visit's page: the source and visit are fixed, the form is shorter. */
  verificationVisitId?: string;
  action?: string;
};

/**
 * Records one timeline entry. It is multipart (an optional document): the text fields come before
 * the file input, so the server knows everything about the entry when the file starts to arrive.
 */
export function RecordUpdateForm({ recommendationId, status, today, maxMegabytes, authorities, visits, result, verificationVisitId, action }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useBusy(undefined, { name: "recommendationId", value: recommendationId });
  const mine = result && (result as { recommendationId?: string }).recommendationId === recommendationId ? result : undefined;
  const error = (name: string) => fieldError(mine, name);
  const prefix = `update-${recommendationId}`;
  const verifying = Boolean(verificationVisitId);
  return (
    <Form method="post" encType="multipart/form-data" action={action} className="space-y-3">
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <FormError message={mine && !mine.ok ? mine.message : undefined} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id={`${prefix}-date`} name="occurredOn" type="date" required defaultValue={today} max={today}
          label={verifying ? t("followUpVisits.verifyDate") : t("recommendations.occurredOn")} error={error("occurredOn")} />
        {verifying ? (
          <>
            <input type="hidden" name="source" value="follow_up_visit" />
            <input type="hidden" name="visitId" value={verificationVisitId} />
          </>
        ) : (
          <SelectField id={`${prefix}-source`} name="source" label={t("recommendations.sourceLabel")} defaultValue="authority_response" error={error("source")}
            options={SOURCES.map((value) => ({ value, label: t(`recommendations.source.${value}`) }))} />
        )}
        {verifying ? null : (
          <SelectField id={`${prefix}-authority`} name="authorityId" label={t("recommendations.authority")} defaultValue="" error={error("authorityId")}
            options={[{ value: "", label: t("recommendations.authorityNone") }, ...authorities.map((a) => ({ value: a.id, label: localizedName(a, locale) }))]} />
        )}
        {!verifying && visits.length > 0 ? (
          <SelectField id={`${prefix}-visit`} name="visitId" label={t("recommendations.followUpVisit")} defaultValue="" error={error("visitId")}
            options={[{ value: "", label: t("recommendations.visitNone") }, ...visits.map((v) => ({ value: v.id, label: formatDay(locale, v.plannedStart) }))]} />
        ) : null}
        <SelectField id={`${prefix}-status`} name="resultingStatus" label={verifying ? t("followUpVisits.verifyStatus") : t("recommendations.resultingStatus")}
          defaultValue={status} error={error("resultingStatus")}
          options={RECOMMENDATION_STATUS_VALUES.map((value) => ({ value, label: t(`recommendations.status.${value}`) }))} />
      </div>
      <TextArea id={`${prefix}-text`} name="text" label={verifying ? t("followUpVisits.verifyText") : t("recommendations.text")}
        hint={verifying ? undefined : t("recommendations.textHint")} error={error("text")} rows={4} required maxLength={20000} />
      <FieldFrame id={`${prefix}-document`} label={t("recommendations.document")} hint={t("recommendations.documentHint", { maxMegabytes })} error={error("file")}>
        {({ borderClass, ...control }) => (
          <input {...control} name="document" type="file" accept="image/jpeg,image/png,application/pdf" className={`${INPUT_CLASS} ${borderClass} max-w-md`} />
        )}
      </FieldFrame>
      <Button busy={busy} busyLabel={verifying ? t("followUpVisits.verifyBusy") : t("recommendations.recordBusy")}>
        {verifying ? t("followUpVisits.verifySubmit") : t("recommendations.record")}
      </Button>
    </Form>
  );
}
