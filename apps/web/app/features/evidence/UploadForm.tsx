import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { useBusy, type ActionResult } from "../../lib/form";
import { Button } from "../../ui/Button";
import { FormError } from "../../ui/FormMessage";
import { INPUT_CLASS } from "../../ui/TextField";

/** `questionId`: the checklist question the photo documents (the form opened from that question). */
type Props = { findingId: string | null; questionId?: string; maxMegabytes: number; result?: ActionResult };

/**
 * Attaches one photo, scan or PDF. The hidden fields come before the file on purpose: the server
 * reads the multipart body as a stream and must know where the file belongs when it arrives.
 */
export function UploadForm({ findingId, questionId, maxMegabytes, result }: Props) {
  const { t } = useTranslation();
  const target = findingId ?? (questionId ? `question-${questionId}` : "visit");
  const busy = useBusy(undefined, { name: "uploadTarget", value: target });
  const mine = result?.intent === "upload" && result.targetId === target ? result : undefined;
  const inputId = `upload-${target}`;
  const form = useRef<HTMLFormElement>(null);
  // A stored file leaves the input empty, ready for the next photo (each answer is a new object).
  useEffect(() => {
    if (mine?.ok) form.current?.reset();
  }, [mine]);
  return (
    <Form ref={form} method="post" encType="multipart/form-data" className="space-y-2">
      <input type="hidden" name="uploadTarget" value={target} />
      {findingId ? <input type="hidden" name="findingId" value={findingId} /> : null}
      {questionId ? <input type="hidden" name="questionId" value={questionId} /> : null}
      <FormError message={mine && !mine.ok ? mine.message : undefined} />
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        {t("attachments.file")}
      </label>
      <p id={`${inputId}-hint`} className="text-sm text-slate-600">
        {t("attachments.fileHint", { maxMegabytes })} {t("attachments.photoPrivacy")}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <input id={inputId} name="file" type="file" required accept="image/jpeg,image/png,application/pdf" aria-describedby={`${inputId}-hint`} className={`${INPUT_CLASS} max-w-sm border-slate-300`} />
        <Button variant="secondary" busy={busy} busyLabel={t("attachments.uploadBusy")}>
          {t("attachments.upload")}
        </Button>
      </div>
    </Form>
  );
}
