import { useTranslation } from "react-i18next";
import { TextField } from "../../ui/TextField";

/**
 * Asks again who is at the keyboard before an action on the account's secrets or a whole workspace
 * (decision 0151): the password, or a current code from the authenticator app. `id` keeps two such
 * fields on one page apart.
 */
export function ReauthenticationField({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation();
  return (
    <TextField
      id={id}
      name="reauthentication"
      type="password"
      label={t("reauthentication.label")}
      hint={t("reauthentication.hint")}
      autoComplete="current-password"
      required
      error={error}
    />
  );
}
