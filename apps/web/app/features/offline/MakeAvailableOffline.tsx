import { formatDateTime } from "@vigil/i18n";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale, useUser } from "../../lib/locale";
import { errorMessage, trpc } from "../../lib/trpc.client";
import { Button } from "../../ui/Button";
import { FormError } from "../../ui/FormMessage";
import { deviceOwner, OtherPersonsDataError, queueSummary, removeVisit, storedVisits, storeVisit, type VisitSummary } from "./device-store";
import { announceQueueChange } from "./queue-events";
import { keepOfflineShell } from "./service-worker";

/**
 * "Make available offline" on the visit page, for the visit's team (issue 18): stores the visit on
 * this device, sealed, and keeps the offline shell; "Remove from this device" wipes it and its
 * waiting changes, after asking if any wait. Needs JavaScript, so it appears once the page runs it.
 */
export function MakeAvailableOffline({ tenantSlug, visitId }: { tenantSlug: string; visitId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const [stored, setStored] = useState<VisitSummary | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void storedVisits().then((visits) => setStored(visits.find((v) => v.visitId === visitId && v.userId === user?.id) ?? null), () => setStored(null));
  }, [visitId, user?.id]);

  if (!user || stored === undefined) return null;

  async function take() {
    if (!user) return;
    setBusy(true);
    setError(null);
    try {
      const owner = await deviceOwner();
      if (owner && owner !== user.id) throw new OtherPersonsDataError();
      // Replacing the stored visit while changes wait would hide them from the offline page: send them first.
      const waiting = await queueSummary(visitId);
      if (waiting.pending + waiting.conflicts > 0) {
        setError(t("offline.sendFirst"));
        return;
      }
      const content = await trpc.offline.takeVisit.mutate({ tenantSlug, visitId });
      await storeVisit(user.id, tenantSlug, content);
      await keepOfflineShell();
      setStored((await storedVisits()).find((v) => v.visitId === visitId) ?? null);
      announceQueueChange();
    } catch (caught) {
      setError(caught instanceof OtherPersonsDataError ? t("offline.otherPersonsChanges") : (errorMessage(caught) ?? t("checklist.status.offline")));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    const summary = await queueSummary(visitId);
    const waiting = summary.pending + summary.conflicts;
    if (waiting > 0 && !window.confirm(t("offline.removeConfirm", { count: waiting }))) return;
    await removeVisit(visitId);
    setStored(null);
    announceQueueChange();
  }

  return (
    <div className="space-y-2" data-testid="make-offline">
      <FormError message={error} />
      {stored ? (
        <>
          <p className="text-sm text-teal-800" role="status">{t("offline.available", { time: formatDateTime(locale, new Date(stored.takenAt)) })}</p>
          <div className="flex flex-wrap gap-2">
            <a className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-teal-800" href={`/offline#${tenantSlug}/${visitId}`}>
              {t("offline.open")}
            </a>
            <Button type="button" variant="secondary" className="min-h-11" busy={busy} busyLabel={t("offline.taking")} onClick={() => void take()}>
              {t("offline.update")}
            </Button>
            <Button type="button" variant="secondary" className="min-h-11" onClick={() => void remove()}>
              {t("offline.remove")}
            </Button>
          </div>
        </>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("offline.explain")}</p>
          <Button type="button" className="min-h-11" busy={busy} busyLabel={t("offline.taking")} onClick={() => void take()}>
            {t("offline.make")}
          </Button>
        </>
      )}
    </div>
  );
}
