import { localizedName, type NamedInLanguages } from "@vigil/i18n";
import { PLACE_TYPES } from "@vigil/api/registry";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../lib/locale";
import { Form } from "react-router";
import { fieldError, useBusy, type ActionResult } from "../../lib/form";
import { Button } from "../../ui/Button";
import { FormError } from "../../ui/FormMessage";
import { SelectField } from "../../ui/SelectField";
import { INPUT_CLASS, TextField } from "../../ui/TextField";
import { NameTranslationsFieldset } from "./NameTranslationsFieldset";

export type PlaceValues = {
  name: string; nameTranslations?: unknown; type: string; region: string | null; municipality: string | null; address: string | null;
  capacity: number | null; authorityId: string | null; notes: string | null;
};
type AuthorityOption = { id: string } & NamedInLanguages;

/** Registers or edits a place: one form for both, so they cannot drift apart. */
export function PlaceForm({ place, authorities, result, submitLabel }: { place?: PlaceValues; authorities: AuthorityOption[]; result?: ActionResult; submitLabel: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useBusy();
  const err = (name: string) => fieldError(result, name);
  return (
    <Form method="post" className="space-y-4">
      <FormError message={result && !result.ok ? result.message : undefined} />
      <TextField name="name" label={t("places.name")} required maxLength={300} defaultValue={place?.name} error={err("name")} />
      <NameTranslationsFieldset idPrefix="place" values={place?.nameTranslations} error={err} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="type"
          label={t("places.type")}
          defaultValue={place?.type ?? "police_custody"}
          options={PLACE_TYPES.map((type) => ({ value: type, label: t(`placeTypes.${type}`) }))}
          error={err("type")}
        />
        <TextField name="capacity" type="number" inputMode="numeric" min={0} label={t("places.capacity")} hint={t("places.capacityHint")} defaultValue={place?.capacity ?? ""} error={err("capacity")} />
        <TextField name="region" label={t("places.region")} hint={t("places.regionHint")} maxLength={200} defaultValue={place?.region ?? ""} error={err("region")} />
        <TextField name="municipality" label={t("places.municipality")} maxLength={200} defaultValue={place?.municipality ?? ""} error={err("municipality")} />
      </div>
      <TextField name="address" label={t("places.address")} maxLength={500} defaultValue={place?.address ?? ""} error={err("address")} />
      <SelectField
        name="authorityId"
        label={t("places.authority")}
        defaultValue={place?.authorityId ?? ""}
        options={[{ value: "", label: t("places.noAuthority") }, ...authorities.map((a) => ({ value: a.id, label: localizedName(a, locale) }))]}
        error={err("authorityId")}
      />
      <div className="space-y-1">
        <label htmlFor="field-notes" className="block text-sm font-medium text-slate-800">
          {t("places.notes")}
        </label>
        <textarea id="field-notes" name="notes" rows={4} maxLength={10_000} defaultValue={place?.notes ?? ""} className={`${INPUT_CLASS} border-slate-300`} />
      </div>
      <Button busy={busy} busyLabel={t("common.saving")}>
        {submitLabel}
      </Button>
    </Form>
  );
}
