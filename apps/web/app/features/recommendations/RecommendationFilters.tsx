import { localizedName, type NamedInLanguages } from "@vigil/i18n";
import type { RecommendationStatus } from "@vigil/db";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../lib/locale";
import { Form, Link } from "react-router";
import { Button, buttonClass } from "../../ui/Button";
import { SelectField } from "../../ui/SelectField";
import { CheckboxField } from "../visits/CheckboxField";

export const RECOMMENDATION_STATUS_VALUES = [
  "open", "accepted", "in_progress", "implemented", "partially_implemented", "not_implemented", "rejected",
] as const satisfies readonly RecommendationStatus[];

/** The statuses still awaiting implementation: one list for the preparation link and the follow-up plan, so they agree. */
export const OPEN_RECOMMENDATION_STATUSES = [
  "open", "accepted", "in_progress", "partially_implemented", "not_implemented",
] as const satisfies readonly RecommendationStatus[];

export type RecommendationFilterValues = {
  status: RecommendationStatus[];
  authorityId?: string;
  placeId?: string;
  tag?: string;
  overdue: boolean;
};

type Options = { authorities: ({ id: string } & NamedInLanguages)[]; places: ({ id: string } & NamedInLanguages)[]; tags: string[] };

/** A GET form: the filters live in the address (status may repeat), so a filtered list can be bookmarked. */
export function RecommendationFilters({ options, current }: { options: Options; current: RecommendationFilterValues }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const any = { value: "", label: t("recommendations.any") };
  return (
    <Form method="get" className="space-y-4" aria-label={t("recommendations.filtersTitle")}>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("recommendations.filterStatus")}</legend>
        <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
          {RECOMMENDATION_STATUS_VALUES.map((status) => (
            <label key={status} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="status" value={status} defaultChecked={current.status.includes(status)} className="h-4 w-4 rounded border-slate-400" />
              {t(`recommendations.status.${status}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField name="authorityId" label={t("recommendations.filterAuthority")} defaultValue={current.authorityId ?? ""}
          options={[any, ...options.authorities.map((a) => ({ value: a.id, label: localizedName(a, locale) }))]} />
        <SelectField name="placeId" label={t("recommendations.filterPlace")} defaultValue={current.placeId ?? ""}
          options={[any, ...options.places.map((p) => ({ value: p.id, label: localizedName(p, locale) }))]} />
        <SelectField name="tag" label={t("recommendations.filterTag")} defaultValue={current.tag ?? ""}
          options={[any, ...options.tags.map((tag) => ({ value: tag, label: tag }))]} />
      </div>
      <CheckboxField name="overdue" label={t("recommendations.filterOverdue")} defaultChecked={current.overdue} />
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary">{t("recommendations.apply")}</Button>
        <Link to="?" className={buttonClass("secondary")}>{t("recommendations.clear")}</Link>
      </div>
    </Form>
  );
}
