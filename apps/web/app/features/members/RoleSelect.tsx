import { useTranslation } from "react-i18next";
import { ROLES } from "../../lib/workspace";
import { SelectField } from "../../ui/SelectField";

/** The five roles, most powerful first, with translated names. */
export function RoleSelect({ id, label, defaultValue, error, hideLabel = false }: { id: string; label: string; defaultValue: string; error?: string; hideLabel?: boolean }) {
  const { t } = useTranslation();
  const options = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  return <SelectField id={id} name="role" label={label} options={options} defaultValue={defaultValue} error={error} hideLabel={hideLabel} />;
}
