import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { Button } from "../../ui/Button";
import { INPUT_CLASS } from "../../ui/TextField";
import { auditActionLabel, auditRecordTypeLabel } from "./audit-actions";
import type { AuditFilter } from "./audit-filter";

type Options = { actors: { id: string; name: string }[]; actions: string[]; targetTypes: string[] };

/** A GET form, so a filtered view is a link that can be bookmarked or shared with another admin. */
export function AuditFilterForm({ options, filter }: { options: Options; filter: AuditFilter }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
      <FilterSelect name="actorId" label={t("auditLog.user")} value={filter.actorId} values={options.actors.map((a) => ({ value: a.id, label: a.name }))} />
      <FilterSelect name="action" label={t("auditLog.action")} value={filter.action} values={options.actions.map((a) => ({ value: a, label: auditActionLabel(t, a) })).sort((a, b) => a.label.localeCompare(b.label))} />
      <FilterSelect name="targetType" label={t("auditLog.recordType")} value={filter.targetType} values={options.targetTypes.map((a) => ({ value: a, label: auditRecordTypeLabel(t, a) })).sort((a, b) => a.label.localeCompare(b.label))} />
      <div className="space-y-1">
        <label htmlFor="audit-from" className="block text-sm font-medium text-slate-800">
          {t("auditLog.from")}
        </label>
        <input id="audit-from" type="date" name="from" defaultValue={filter.from} className={`${INPUT_CLASS} border-slate-300`} />
      </div>
      <div className="space-y-1">
        <label htmlFor="audit-to" className="block text-sm font-medium text-slate-800">
          {t("auditLog.to")}
        </label>
        <input id="audit-to" type="date" name="to" defaultValue={filter.to} className={`${INPUT_CLASS} border-slate-300`} />
      </div>
      <Button>{t("auditLog.filter")}</Button>
    </Form>
  );
}

function FilterSelect({ name, label, value, values }: { name: string; label: string; value?: string; values: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-1">
      <label htmlFor={`audit-${name}`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={`audit-${name}`} name={name} defaultValue={value ?? ""} className={`${INPUT_CLASS} border-slate-300`}>
        <option value="">{t("auditLog.any")}</option>
        {values.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label}
          </option>
        ))}
      </select>
    </div>
  );
}
