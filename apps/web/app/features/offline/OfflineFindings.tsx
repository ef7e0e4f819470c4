import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { findingsOnDevice, type DeviceFinding } from "./device-findings";
import type { OfflinePackage } from "./offline-package";
import { OfflineFindingForm } from "./OfflineFindingForm";
import type { FindingPayload, FindingTarget, QueuedOperation } from "./queue";

type Props = {
  findings: OfflinePackage["findings"];
  queued: QueuedOperation[];
  canEdit: boolean;
  onRecord: (fields: FindingPayload, photo: File | null) => Promise<void>;
  onEdit: (target: FindingTarget, fields: FindingPayload) => Promise<void>;
  onDelete: (target: FindingTarget) => Promise<void>;
};

/**
 * The visit's findings on this device: those already on the server and those made offline, with
 * the edits and deletions waiting applied (device-findings.ts); each can be edited or deleted
 * offline, and a new one recorded with a photo. What waits says so.
 */
export function OfflineFindings({ findings, queued, canEdit, onRecord, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  const [recorded, setRecorded] = useState<"recorded" | "edited" | "deleted" | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const shown = findingsOnDevice(findings, queued);

  async function remove(finding: DeviceFinding) {
    if (!window.confirm(t("offline.findings.deleteConfirm", { theme: finding.theme }))) return;
    await onDelete(finding.target);
    setRecorded("deleted");
  }

  return (
    <Card title={t("offline.findings.title")} id="offline-findings">
      {shown.length === 0 ? <p className="text-sm text-slate-700">{t("findings.empty")}</p> : null}
      <ul className="space-y-3">
        {shown.map((finding) => (
          <li key={finding.key} className={`rounded-md border p-3 ${finding.waiting ? "border-amber-300 bg-amber-50" : "border-slate-200"}`} data-testid={finding.waiting ? "queued-finding" : "device-finding"}>
            {editing === finding.key ? (
              <OfflineFindingForm
                idPrefix={`offline-finding-${finding.key}`}
                title={t("offline.findings.editTitle", { theme: finding.theme })}
                initial={finding}
                withPhoto={false}
                submitLabel={t("offline.findings.save")}
                onSubmit={async (fields) => {
                  await onEdit(finding.target, fields);
                  setEditing(null);
                  setRecorded("edited");
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <>
                <p className="font-medium">{finding.theme} · {t(`severities.${finding.severity}`)}</p>
                <p className="whitespace-pre-wrap text-sm">{finding.text}</p>
                {finding.waiting ? (
                  <p className="text-sm text-amber-900">
                    {t("offline.savedOnDevice")}
                    {finding.photos > 0 ? ` · ${t("offline.findings.photos", { count: finding.photos })}` : ""}
                  </p>
                ) : null}
                {canEdit ? (
                  <div className="mt-2 flex flex-wrap gap-2">
                    <Button type="button" variant="secondary" className="min-h-11" aria-label={t("offline.findings.editOf", { theme: finding.theme })} onClick={() => setEditing(finding.key)}>
                      {t("offline.findings.edit")}
                    </Button>
                    <Button type="button" variant="secondary" className="min-h-11" aria-label={t("offline.findings.deleteOf", { theme: finding.theme })} onClick={() => void remove(finding)}>
                      {t("offline.findings.delete")}
                    </Button>
                  </div>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
      {recorded ? <p role="status" className="mt-3 text-sm font-medium text-teal-800">{t(`offline.findings.${recorded}`)}</p> : null}
      {canEdit ? (
        <OfflineFindingForm
          idPrefix="offline-finding"
          title={t("findings.newTitle")}
          withPhoto
          submitLabel={t("findings.submit")}
          onSubmit={async (fields, photo) => {
            await onRecord(fields, photo);
            setRecorded("recorded");
          }}
        />
      ) : null}
    </Card>
  );
}
