import { useTranslation } from "react-i18next";
import { SelectField } from "../SelectField";

export const VISIT_ROLE_VALUES = ["lead", "monitor", "doctor", "psychiatrist", "lawyer", "interpreter"] as const;

export function VisitRoleSelect({ name, id, label, defaultValue, error }: { name: string; id?: string; label: string; defaultValue: string; error?: string }) {
  const { t } = useTranslation();
  return (
    <SelectField name={name} id={id} label={label} defaultValue={defaultValue} error={error}
      options={VISIT_ROLE_VALUES.map((value) => ({ value, label: t(`visitRoles.${value}`) }))} />
  );
}
