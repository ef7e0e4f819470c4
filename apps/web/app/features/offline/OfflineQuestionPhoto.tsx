import type { LocalizedChecklist } from "@vigil/api";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError } from "../../ui/FormMessage";
import { SelectField } from "../../ui/SelectField";
import { INPUT_CLASS } from "../../ui/TextField";
import type { QueuedOperation } from "./queue";

type Props = {
  view: LocalizedChecklist;
  queued: QueuedOperation[];
  onRecord: (questionId: string, photo: File) => Promise<void>;
};

/**
 * A photo documenting a checklist question, taken offline (issue 18): sealed on the device and
 * sent as evidence linked to the question, as "Attach a photo" does online.
 */
export function OfflineQuestionPhoto({ view, queued, onRecord }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recorded, setRecorded] = useState(false);
  // Numbered as on the checklist: section, then question ("2.3").
  const questions = view.sections.flatMap((section, s) => section.questions.map((q, index) => ({ id: q.id, text: q.text, number: `${s + 1}.${index + 1}` })));
  const numberOf = new Map(questions.map((q) => [q.id, q.number]));
  const waiting = queued.filter((o): o is QueuedOperation & { kind: "photo" } => o.kind === "photo" && o.state !== "refused" && o.payload.questionId !== null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const questionId = String(data.get("questionId") ?? "");
    const photo = data.get("photo");
    setRecorded(false);
    if (!numberOf.has(questionId) || !(photo instanceof File) || photo.size === 0) {
      setError(t("offline.questionPhoto.required"));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await onRecord(questionId, photo);
      form.reset();
      setRecorded(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t("offline.questionPhoto.title")} id="offline-question-photos">
      {waiting.length > 0 ? (
        <ul className="mb-3 space-y-1 text-sm" data-testid="queued-question-photos">
          {waiting.map((operation) => (
            <li key={operation.id}>
              {t("offline.questionPhoto.waiting", { number: numberOf.get(operation.payload.questionId ?? "") ?? "—", file: operation.payload.fileName })}
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="space-y-4" aria-label={t("offline.questionPhoto.title")}>
        <SelectField
          id="offline-question-photo-question"
          name="questionId"
          label={t("offline.questionPhoto.question")}
          options={questions.map((q) => ({ value: q.id, label: `${q.number} ${q.text}` }))}
        />
        <div className="space-y-1">
          <label htmlFor="offline-question-photo-file" className="block text-sm font-medium text-slate-800">{t("offline.questionPhoto.photo")}</label>
          <p id="offline-question-photo-hint" className="text-sm text-slate-600">{t("offline.questionPhoto.hint")}</p>
          <input id="offline-question-photo-file" name="photo" type="file" accept="image/jpeg,image/png" capture="environment" aria-describedby="offline-question-photo-hint" className={`${INPUT_CLASS} border-slate-300`} />
        </div>
        {recorded ? <p role="status" className="text-sm font-medium text-teal-800">{t("offline.questionPhoto.recorded")}</p> : null}
        <FormError message={error ?? undefined} />
        <Button busy={busy} busyLabel={t("findings.submitBusy")} className="min-h-11">{t("offline.questionPhoto.submit")}</Button>
      </form>
    </Card>
  );
}
