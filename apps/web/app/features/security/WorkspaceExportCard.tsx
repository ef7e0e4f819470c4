import { formatDateTime, formatNumber } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { Button } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { FormError } from "../../ui/FormMessage";
import { ReauthenticationField } from "./ReauthenticationField";
import { fieldError, useBusy, type ActionResult } from "../../lib/form";
import { useLocale } from "../../lib/locale";

// `downloadable`: only the session that started an export may download it (decision 0032).
type ExportJob = { id: string; status: string; progress: number; createdAt: Date | string; byteSize: bigint | number | string | null; downloadable: boolean };

/** Start an export of everything; finished ones can be downloaded (reload shows progress). */
export function WorkspaceExportCard({ slug, exports, result }: { slug: string; exports: ExportJob[]; result?: ActionResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useBusy("export");
  return (
    <Card title={t("workspaceExport.title")} id="export">
      <p className="mb-4 text-sm text-slate-700">{t("workspaceExport.lead")}</p>
      <Form method="post" className="mb-4 space-y-4">
        <FormError message={result && !result.ok ? result.message : undefined} />
        <input type="hidden" name="intent" value="export" />
        <ReauthenticationField id="export-reauthentication" error={fieldError(result, "reauthentication", "export")} />
        <Button busy={busy} busyLabel={t("workspaceExport.starting")}>
          {t("workspaceExport.start")}
        </Button>
      </Form>
      <ul className="divide-y divide-slate-200 text-sm">
        {exports.map((job) => (
          <li key={job.id} className="flex items-center justify-between gap-2 py-2">
            <span>{formatDateTime(locale, job.createdAt)}</span>
            {job.status === "done" && !job.downloadable ? (
              <span className="text-slate-600">{t("workspaceExport.otherSession")}</span>
            ) : job.status === "done" ? (
              <a className="font-medium text-teal-800 underline" href={`/t/${slug}/export/${job.id}`} download>
                {t("workspaceExport.download", { size: formatNumber(locale, Math.ceil(Number(job.byteSize ?? 0) / 1024)) })}
              </a>
            ) : job.status === "failed" ? (
              <span className="text-red-700">{t("workspaceExport.failed")}</span>
            ) : (
              <span role="status">{t("workspaceExport.progress", { percent: job.progress })}</span>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
