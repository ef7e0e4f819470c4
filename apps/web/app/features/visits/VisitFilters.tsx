import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { Button } from "../../ui/Button";
import { SelectField } from "../../ui/SelectField";

export const VISIT_STATUS_VALUES = ["planned", "in_progress", "report_drafting", "report_sent", "closed", "cancelled"] as const;
export const PLACE_TYPE_VALUES = [
  "prison", "pre_trial_detention", "police_custody", "psychiatric_hospital", "social_care_home",
  "juvenile_centre", "immigration_detention", "asylum_centre", "military_detention", "other",
] as const;

type Props = { regions: string[]; years: number[]; current: { status?: string; placeType?: string; region?: string; year?: number } };

/** A GET form: the filters live in the address, so a filtered list can be bookmarked and shared. */
export function VisitFilters({ regions, years, current }: Props) {
  const { t } = useTranslation();
  const any = { value: "", label: t("visits.filterAny") };
  return (
    <Form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" aria-label={t("visits.filtersLabel")}>
      <SelectField name="status" label={t("visitFields.status")} defaultValue={current.status ?? ""}
        options={[any, ...VISIT_STATUS_VALUES.map((value) => ({ value, label: t(`visitStatus.${value}`) }))]} />
      <SelectField name="placeType" label={t("visitFields.placeType")} defaultValue={current.placeType ?? ""}
        options={[any, ...PLACE_TYPE_VALUES.map((value) => ({ value, label: t(`visitPlaceTypes.${value}`) }))]} />
      <SelectField name="region" label={t("visitFields.region")} defaultValue={current.region ?? ""}
        options={[any, ...regions.map((value) => ({ value, label: value }))]} />
      <SelectField name="year" label={t("visitFields.year")} defaultValue={current.year ? String(current.year) : ""}
        options={[any, ...years.map((value) => ({ value: String(value), label: String(value) }))]} />
      <Button variant="secondary">{t("visits.filterApply")}</Button>
    </Form>
  );
}
