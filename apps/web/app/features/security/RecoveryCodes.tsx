import { useTranslation } from "react-i18next";
import { Card } from "../../ui/Card";

/** The recovery codes, shown once: only their hashes are kept. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t("twoFactor.recoveryCodesTitle")} id="recovery-codes">
      <p className="mb-3 text-sm text-slate-700">{t("twoFactor.recoveryCodesLead")}</p>
      <ul aria-label={t("twoFactor.recoveryCodesTitle")} className="grid grid-cols-2 gap-2 font-mono text-base">
        {codes.map((code) => (
          <li key={code} className="rounded bg-slate-100 px-2 py-1">
            {code}
          </li>
        ))}
      </ul>
    </Card>
  );
}
