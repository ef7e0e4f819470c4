import { formatDateTime } from "@vigil/i18n";
import { CloudOff, Wifi } from "lucide-react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../lib/locale";
import { Button } from "../../ui/Button";
import type { useOfflineSync } from "./use-offline-sync";

type Props = {
  sync: ReturnType<typeof useOfflineSync>;
  /**
   * Inside the online checklist's sticky progress bar: one tight row, no border or stickiness of
   * its own (the bar is sticky), so that on a 390-px phone it takes one line above the questions.
   */
  compact?: boolean;
};

/**
 * Online or offline, how many changes wait, when the last ones went through, and "Send now"
 * (issue 18). Sticky and compact, so that on a phone it stays on screen above the checklist.
 */
export function OfflineStatusBar({ sync, compact = false }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const frame = compact
    ? "flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs sm:text-sm"
    : "sticky top-0 z-20 -mx-4 flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-white/95 px-4 py-2 text-sm backdrop-blur sm:mx-0 sm:rounded-lg sm:border";
  return (
    <section aria-label={t("offline.status.label")} data-testid="offline-status" className={frame}>
      <p className={`inline-flex items-center gap-1 font-medium ${sync.online ? "text-teal-800" : "text-amber-800"}`}>
        {sync.online ? <Wifi aria-hidden="true" className="size-4" /> : <CloudOff aria-hidden="true" className="size-4" />}
        {sync.online ? t("offline.status.online") : t("offline.status.offline")}
      </p>
      <p aria-live="polite" data-testid="offline-pending" className="text-slate-800">
        {t("offline.status.pending", { count: sync.pending })}
      </p>
      <p className="text-slate-600" data-testid="offline-last-sync">
        {sync.lastSyncAt ? t("offline.status.lastSync", { time: formatDateTime(locale, new Date(sync.lastSyncAt)) }) : t("offline.status.neverSynced")}
      </p>
      <Button
        type="button"
        variant="secondary"
        className={compact ? "ms-auto min-h-11 px-3 py-1 text-xs sm:text-sm" : "ms-auto min-h-11"}
        busy={sync.sending}
        busyLabel={t("offline.status.sending")}
        disabled={!sync.online || sync.pending === 0}
        onClick={() => void sync.sendNow()}
      >
        {t("offline.status.sendNow")}
      </Button>
      {sync.stopped === "session" ? (
        <p role="alert" className="w-full text-amber-800">
          {t("offline.status.sessionExpired")}{" "}
          {/* Back to this page once signed in, where the changes are then sent. */}
          <a className="text-teal-800 underline" href={`/sign-in?redirectTo=${encodeURIComponent("/offline" + (typeof window === "undefined" ? "" : window.location.hash))}`}>
            {t("offline.status.signIn")}
          </a>
        </p>
      ) : null}
      {sync.stopped === "otherPerson" ? (
        <p role="alert" className="w-full text-amber-800">{t("offline.status.otherPerson")}</p>
      ) : null}
    </section>
  );
}
