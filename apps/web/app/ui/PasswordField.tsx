import { useTranslation } from "react-i18next";
import { TextField } from "./TextField";
import { PASSWORD_MIN_LENGTH } from "@vigil/auth/rules";


/** A new-password field that states the rule the server enforces (length, not a common password). */
export function PasswordField({ name, label, error, autoComplete = "new-password" }: { name: string; label: string; error?: string; autoComplete?: string }) {
  const { t } = useTranslation();
  return <TextField name={name} type="password" label={label} hint={t("fields.passwordRule", { count: PASSWORD_MIN_LENGTH })} autoComplete={autoComplete} required minLength={PASSWORD_MIN_LENGTH} error={error} />;
}
