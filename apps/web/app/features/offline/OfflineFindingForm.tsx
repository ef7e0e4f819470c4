import { FINDING_SEVERITIES } from "@vigil/api/evidence";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";
import { FormError } from "../../ui/FormMessage";
import { SelectField } from "../../ui/SelectField";
import { TextArea } from "../../ui/TextArea";
import { INPUT_CLASS, TextField } from "../../ui/TextField";
import type { FindingPayload } from "./queue";

type Props = {
  /** Makes the fields' ids unique on the page (the new finding's form and each finding being edited). */
  idPrefix: string;
  title: string;
  initial?: FindingPayload;
  /** The new finding's form takes a photo with it; an edit does not (a photo of a question is its own form). */
  withPhoto: boolean;
  submitLabel: string;
  onSubmit: (fields: FindingPayload, photo: File | null) => Promise<void>;
  onCancel?: () => void;
};

/** A finding's fields on the offline page, checked here as the server checks them (required, lengths). */
export function OfflineFindingForm({ idPrefix, title, initial, withPhoto, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<{ theme?: string; text?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const theme = String(data.get("theme") ?? "").trim();
    const text = String(data.get("text") ?? "").trim();
    const severity = String(data.get("severity") ?? "medium") as FindingPayload["severity"];
    const photo = data.get("photo");
    const found = { theme: theme ? undefined : t("validation.required"), text: text ? undefined : t("validation.required") };
    setErrors(found);
    if (found.theme || found.text) return;
    setBusy(true);
    try {
      await onSubmit({ theme, text, severity }, photo instanceof File && photo.size > 0 ? photo : null);
      form.reset();
    } finally {
      setBusy(false);
    }
  }

  const headingId = `${idPrefix}-title`;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="mt-4 space-y-4" aria-labelledby={headingId}>
      <h3 id={headingId} className="font-semibold">{title}</h3>
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <TextField id={`${idPrefix}-theme`} name="theme" label={t("findings.theme")} hint={t("findings.themeHint")} required maxLength={200} defaultValue={initial?.theme} error={errors.theme} />
        <SelectField id={`${idPrefix}-severity`} name="severity" label={t("findings.severity")} defaultValue={initial?.severity ?? "medium"} options={FINDING_SEVERITIES.map((value) => ({ value, label: t(`severities.${value}`) }))} />
      </div>
      <TextArea id={`${idPrefix}-text`} name="text" label={t("findings.text")} required rows={4} maxLength={20_000} defaultValue={initial?.text} error={errors.text} />
      {withPhoto ? (
        <div className="space-y-1">
          <label htmlFor={`${idPrefix}-photo`} className="block text-sm font-medium text-slate-800">{t("offline.findings.photo")}</label>
          <p id={`${idPrefix}-photo-hint`} className="text-sm text-slate-600">{t("offline.findings.photoHint")}</p>
          <input id={`${idPrefix}-photo`} name="photo" type="file" accept="image/jpeg,image/png" capture="environment" aria-describedby={`${idPrefix}-photo-hint`} className={`${INPUT_CLASS} border-slate-300`} />
        </div>
      ) : null}
      <FormError message={errors.theme || errors.text ? t("errors.invalidInput") : undefined} />
      <div className="flex flex-wrap gap-2">
        <Button busy={busy} busyLabel={t("findings.submitBusy")} className="min-h-11">{submitLabel}</Button>
        {onCancel ? (
          <Button type="button" variant="secondary" className="min-h-11" onClick={onCancel}>{t("offline.findings.cancel")}</Button>
        ) : null}
      </div>
    </form>
  );
}
