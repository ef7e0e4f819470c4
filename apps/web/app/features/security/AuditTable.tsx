import { formatDateTime } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../ui/EmptyState";
import { auditActionLabel } from "./audit-actions";
import { useLocale } from "../../lib/locale";
import type { ServerOutputs } from "../../lib/api-types";

type AuditEvent = ServerOutputs["auditLog"]["list"]["events"][number];

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (events.length === 0) return <EmptyState title={t("auditLog.empty")} body={t("auditLog.emptyBody")} />;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{t("auditLog.title")}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">{t("auditLog.when")}</th>
            <th scope="col" className="px-3 py-2">{t("auditLog.user")}</th>
            <th scope="col" className="px-3 py-2">{t("auditLog.action")}</th>
            <th scope="col" className="px-3 py-2">{t("auditLog.record")}</th>
            <th scope="col" className="px-3 py-2">{t("auditLog.ipAddress")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {events.map((event) => (
            <tr key={event.id}>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(locale, event.createdAt)}</td>
              <td className="px-3 py-2">{event.actor ? event.actor.name : t("auditLog.system")}</td>
              <td className="px-3 py-2">
                {auditActionLabel(t, event.action)}
                <span className="block font-mono text-xs text-slate-500">{event.action}</span>
              </td>
              <td className="px-3 py-2 font-mono">{event.targetId ? `${event.targetType} ${event.targetId}` : event.targetType}</td>
              <td className="px-3 py-2 font-mono">{event.ipAddress ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
