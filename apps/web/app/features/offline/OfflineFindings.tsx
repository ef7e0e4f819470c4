import { FINDING_SEVERITIES } from "@vigil/api/evidence";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError } from "../../ui/FormMessage";
import { SelectField } from "../../ui/SelectField";
import { TextArea } from "../../ui/TextArea";
import { INPUT_CLASS, TextField } from "../../ui/TextField";
import type { OfflinePackage } from "./offline-package";
import type { FindingPayload, QueuedOperation } from "./queue";

type Props = {
  findings: OfflinePackage["findings"];
  queued: QueuedOperation[];
  canEdit: boolean;
  onRecord: (fields: FindingPayload, photo: File | null) => Promise<void>;
};

/** The visit's findings on this device: those already on the server, those waiting, and a form for a new one with a photo. */
export function OfflineFindings({ findings, queued, canEdit, onRecord }: Props) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<{ theme?: string; text?: string }>({});
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const waiting = queued.filter((o): o is QueuedOperation & { kind: "finding" } => o.kind === "finding");
  const photosOf = (findingOperationId: string) => queued.filter((o) => o.kind === "photo" && o.payload.findingOperationId === findingOperationId);

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
    setRecorded(false);
    if (found.theme || found.text) return;
    setBusy(true);
    try {
      await onRecord({ theme, text, severity }, photo instanceof File && photo.size > 0 ? photo : null);
      form.reset();
      setRecorded(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t("offline.findings.title")} id="offline-findings">
      {findings.length === 0 && waiting.length === 0 ? <p className="text-sm text-slate-700">{t("findings.empty")}</p> : null}
      <ul className="space-y-3">
        {findings.map((finding) => (
          <li key={finding.id} className="rounded-md border border-slate-200 p-3">
            <p className="font-medium">{finding.theme} · {t(`severities.${finding.severity}`)}</p>
            <p className="whitespace-pre-wrap text-sm">{finding.text}</p>
          </li>
        ))}
        {waiting.map((operation) => (
          <li key={operation.id} className="rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="queued-finding">
            <p className="font-medium">{operation.payload.theme} · {t(`severities.${operation.payload.severity}`)}</p>
            <p className="whitespace-pre-wrap text-sm">{operation.payload.text}</p>
            <p className="text-sm text-amber-900">
              {t("offline.savedOnDevice")}
              {photosOf(operation.id).length > 0 ? ` · ${t("offline.findings.photos", { count: photosOf(operation.id).length })}` : ""}
            </p>
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form onSubmit={(event) => void submit(event)} noValidate className="mt-4 space-y-4" aria-labelledby="offline-finding-new">
          <h3 id="offline-finding-new" className="font-semibold">{t("findings.newTitle")}</h3>
          <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
            <TextField id="offline-finding-theme" name="theme" label={t("findings.theme")} hint={t("findings.themeHint")} required maxLength={200} error={errors.theme} />
            <SelectField id="offline-finding-severity" name="severity" label={t("findings.severity")} defaultValue="medium" options={FINDING_SEVERITIES.map((value) => ({ value, label: t(`severities.${value}`) }))} />
          </div>
          <TextArea id="offline-finding-text" name="text" label={t("findings.text")} required rows={4} maxLength={20_000} error={errors.text} />
          <div className="space-y-1">
            <label htmlFor="offline-finding-photo" className="block text-sm font-medium text-slate-800">{t("offline.findings.photo")}</label>
            <p id="offline-finding-photo-hint" className="text-sm text-slate-600">{t("offline.findings.photoHint")}</p>
            <input id="offline-finding-photo" name="photo" type="file" accept="image/jpeg,image/png" capture="environment" aria-describedby="offline-finding-photo-hint" className={`${INPUT_CLASS} border-slate-300`} />
          </div>
          {recorded ? <p role="status" className="text-sm font-medium text-teal-800">{t("offline.findings.recorded")}</p> : null}
          <FormError message={errors.theme || errors.text ? t("errors.invalidInput") : undefined} />
          <Button busy={busy} busyLabel={t("findings.submitBusy")}>{t("findings.submit")}</Button>
        </form>
      ) : null}
    </Card>
  );
}
