import { VisitRole } from "@vigil/db/enums";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../ui/SelectField";

const VISIT_ROLE_VALUES = Object.values(VisitRole);

export function VisitRoleSelect({ name, id, label, defaultValue, error, withLead = true }: { name: string; id?: string; label: string; defaultValue: string; error?: string; withLead?: boolean }) {
  const { t } = useTranslation();
  // Only coordinators and above name a lead (decision 0147): the others are not offered the role.
  const values = withLead ? VISIT_ROLE_VALUES : VISIT_ROLE_VALUES.filter((value) => value !== "lead");
  return (
    <SelectField name={name} id={id} label={label} defaultValue={defaultValue} error={error}
      options={values.map((value) => ({ value, label: t(`visitRoles.${value}`) }))} />
  );
}
