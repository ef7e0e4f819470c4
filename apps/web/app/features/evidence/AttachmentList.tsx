import { PHOTO_TYPES } from "@vigil/api/evidence";
import { formatNumber } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { authorLabel } from "../../ui/attribution";
import { useLocale } from "../../lib/locale";
import { FOCUS_RING } from "../../ui/Button";
import { withNames } from "../../lib/bdi";
import { PhotoPreview } from "./PhotoPreview";

/** A checklist question as the evidence page names it: its number ("2.3"), its text and the text's language. */
export type QuestionLabel = { number: string; text: string; lang: string };

export type AttachmentSummary = {
  id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; questionId?: string | null;
  uploadedBy?: { name: string } | null; authorWorkspace?: { name: string } | null;
};

type Props = {
  slug: string;
  attachments: AttachmentSummary[];
  canEdit: boolean;
  /** Where a file downloads from; a joint visit's partner uses its own route (docs/decisions/0106-joint-evidence.md). */
  hrefFor?: (attachmentId: string) => string;
  /** The visit's checklist questions, to name the one a photo documents. */
  questions?: Record<string, QuestionLabel>;
};

/** Evidence files: download links for every member; removal for those who may edit; who uploaded each (and from which workspace, on a joint visit). */
export function AttachmentList({ slug, attachments, canEdit, hrefFor, questions = {} }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (attachments.length === 0) return <p className="text-sm text-slate-600">{t("attachments.none")}</p>;
  return (
    <ul className="space-y-2">
      {attachments.map((attachment) => {
        const href = hrefFor ? hrefFor(attachment.id) : `/t/${slug}/attachments/${attachment.id}`;
        return (
        <li key={attachment.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          {PHOTO_TYPES.has(attachment.contentType) ? <PhotoPreview href={href} name={attachment.fileName} /> : null}
          <a href={href} download className={`font-medium text-teal-800 underline ${FOCUS_RING}`}>
            {t("attachments.download", { name: attachment.fileName })}
          </a>
          <span className="text-slate-600">
            {t("attachments.details", {
              type: attachment.contentType,
              size: formatNumber(locale, Math.max(1, Math.round(attachment.sizeBytes / 1024))),
              hash: attachment.sha256.slice(0, 12),
            })}
          </span>
          {attachment.questionId && questions[attachment.questionId] ? (
            <span className="text-slate-600">
              {t("attachments.forQuestion", { number: questions[attachment.questionId]!.number })}{" "}
              <span lang={questions[attachment.questionId]!.lang}>{questions[attachment.questionId]!.text}</span>
            </span>
          ) : null}
          {attachment.uploadedBy ? (
            <span className="text-slate-600">{withNames(t).t("joint.evidenceBy", { name: authorLabel(t, attachment.uploadedBy.name, attachment.authorWorkspace) })}</span>
          ) : null}
          {canEdit ? (
            <Form method="post">
              <input type="hidden" name="intent" value="deleteAttachment" />
              <input type="hidden" name="attachmentId" value={attachment.id} />
              <button type="submit" className={`text-red-700 underline ${FOCUS_RING}`}>
                {t("attachments.delete", { name: attachment.fileName })}
              </button>
            </Form>
          ) : null}
        </li>
        );
      })}
    </ul>
  );
}
