import { useTranslation } from "react-i18next";
import type { ActionResult } from "../../lib/form";
import { fieldError } from "../../lib/form";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { CheckboxField } from "./CheckboxField";
import { ObjectivesField } from "./ObjectivesField";

export const VISIT_TYPE_VALUES = ["in_depth", "thematic", "ad_hoc", "follow_up"] as const;

export type PlanValues = {
  type: string;
  announced: boolean;
  nightVisit: boolean;
  plannedStart: string;
  plannedEnd: string;
  objectives: string;
  templateVersionId: string;
};

export type TemplateVersionOption = { id: string; version: number | null; template: { name: string } };

/** The fields of a visit's plan, shared by planning and editing; a new plan starts with the first fitting template. */
export function PlanFields({ values, templateVersions, result }: { values?: Partial<PlanValues>; templateVersions: TemplateVersionOption[]; result?: ActionResult }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <SelectField name="type" label={t("visitFields.type")} defaultValue={values?.type ?? "in_depth"} error={fieldError(result, "type")}
        options={VISIT_TYPE_VALUES.map((value) => ({ value, label: t(`visitTypes.${value}`) }))} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="plannedStart" type="date" label={t("visitFields.plannedStart")} required defaultValue={values?.plannedStart} error={fieldError(result, "plannedStart")} />
        <TextField name="plannedEnd" type="date" label={t("visitFields.plannedEnd")} required defaultValue={values?.plannedEnd} error={fieldError(result, "plannedEnd")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <CheckboxField name="announced" label={t("visitFields.announced")} hint={t("visitFields.announcedHint")} defaultChecked={values?.announced ?? false} />
        <CheckboxField name="nightVisit" label={t("visitFields.nightVisit")} hint={t("visitFields.nightVisitHint")} defaultChecked={values?.nightVisit ?? false} />
      </div>
      <ObjectivesField label={t("visitFields.objectives")} hint={t("visitFields.objectivesHint")} defaultValue={values?.objectives} error={fieldError(result, "objectives")} />
      <SelectField name="templateVersionId" label={t("visitFields.template")} defaultValue={values?.templateVersionId ?? templateVersions[0]?.id ?? ""} error={fieldError(result, "templateVersionId")}
        options={[
          { value: "", label: t("visitFields.noTemplate") },
          ...templateVersions.map((v) => ({ value: v.id, label: t("visitFields.templateVersion", { name: v.template.name, version: String(v.version) }) })),
        ]} />
      {templateVersions.length === 0 ? <p className="text-sm text-slate-600">{t("visitFields.noTemplateFits")}</p> : null}
    </div>
  );
}
