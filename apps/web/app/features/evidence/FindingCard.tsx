import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { authorLabel } from "../../ui/attribution";
import { useBusy, type ActionResult } from "../../lib/form";
import { Button } from "../../ui/Button";
import { AttachmentList, type AttachmentSummary } from "./AttachmentList";
import { FindingForm, type FindingValues } from "./FindingForm";
import { UploadForm } from "./UploadForm";
import { withNames } from "../../lib/bdi";

const SEVERITY_STYLE: Record<FindingValues["severity"], string> = {
  low: "bg-slate-100 text-slate-800",
  medium: "bg-amber-100 text-amber-900",
  high: "bg-orange-100 text-orange-900",
  critical: "bg-red-100 text-red-900",
};

type Props = {
  slug: string;
  finding: FindingValues & { attachments: AttachmentSummary[]; createdBy: { name: string } | null; authorWorkspace?: { name: string } | null };
  canEdit: boolean;
  maxMegabytes: number;
  result?: ActionResult;
};

export function FindingCard({ slug, finding, canEdit, maxMegabytes, result }: Props) {
  const { t } = useTranslation();
  const deleting = useBusy("delete", { name: "findingId", value: finding.id });
  const headingId = `finding-${finding.id}-heading`;
  return (
    <article aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="text-lg font-semibold text-slate-900">
          {finding.theme}
        </h3>
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${SEVERITY_STYLE[finding.severity]}`}>
          {t("findings.severity")}: {t(`severities.${finding.severity}`)}
        </span>
      </div>
      <p className="whitespace-pre-wrap text-slate-800">{finding.text}</p>
      {finding.createdBy ? <p className="text-sm text-slate-600">{withNames(t).t("findings.recordedBy", { name: authorLabel(t, finding.createdBy.name, finding.authorWorkspace) })}</p> : null}
      <section aria-label={t("attachments.title")} className="space-y-2">
        <h4 className="text-sm font-semibold text-slate-900">{t("attachments.title")}</h4>
        <AttachmentList slug={slug} attachments={finding.attachments} canEdit={canEdit} />
        {canEdit ? <UploadForm findingId={finding.id} maxMegabytes={maxMegabytes} result={result} /> : null}
      </section>
      {canEdit ? (
        <div className="flex flex-wrap items-start gap-4">
          <details className="flex-1" open={result?.intent === "update" && result.targetId === finding.id && !result.ok}>
            <summary className="cursor-pointer text-sm font-medium text-teal-800">{t("findings.edit")}</summary>
            <div className="mt-3">
              <FindingForm finding={finding} result={result} />
            </div>
          </details>
          <Form
            method="post"
            onSubmit={(event) => {
              if (!window.confirm(t("findings.deleteConfirm"))) event.preventDefault();
            }}
          >
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="findingId" value={finding.id} />
            <Button variant="danger" busy={deleting} busyLabel={t("findings.deleteBusy")}>
              {t("findings.delete")}
            </Button>
          </Form>
        </div>
      ) : null}
    </article>
  );
}
