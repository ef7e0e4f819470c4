import { formatDateTime } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../ui/DataTable";
import { EmptyState } from "../../ui/EmptyState";
import { auditActionLabel, auditRecordTypeLabel } from "./audit-actions";
import { useLocale } from "../../lib/locale";
import type { ServerOutputs } from "../../lib/api-types";

type AuditEvent = ServerOutputs["auditLog"]["list"]["events"][number];

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (events.length === 0) return <EmptyState title={t("auditLog.empty")} body={t("auditLog.emptyBody")} />;
  return (
    <DataTable
      caption={t("auditLog.title")}
      columns={[
        { key: "when", label: t("auditLog.when") },
        { key: "user", label: t("auditLog.user") },
        { key: "action", label: t("auditLog.action") },
        { key: "record", label: t("auditLog.record") },
        { key: "ip", label: t("auditLog.ipAddress") },
      ]}
    >
      {events.map((event) => (
        <tr key={event.id}>
          <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(locale, event.createdAt)}</td>
          <td className="py-2 pr-4">{event.actor ? event.actor.name : t("auditLog.system")}</td>
          <td className="py-2 pr-4">{auditActionLabel(t, event.action)}</td>
          <td className="py-2 pr-4">
            {auditRecordTypeLabel(t, event.targetType)}
            {/* The id stays: it is what an administrator searches the export or the records for. */}
            {event.targetId ? <span className="block font-mono text-xs text-slate-500">{event.targetId}</span> : null}
          </td>
          <td className="py-2 pr-4 font-mono">{event.ipAddress ?? ""}</td>
        </tr>
      ))}
    </DataTable>
  );
}
