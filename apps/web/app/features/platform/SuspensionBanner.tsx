import { useTranslation } from "react-i18next";

/**
 * A platform operator suspended the workspace (decision 0231): every member is told that nothing can
 * be changed; owners also read the reason the operator gave (only they receive it).
 */
export function SuspensionBanner({ status }: { status: { suspended: boolean; suspensionReason: string | null } }) {
  const { t } = useTranslation();
  if (!status.suspended) return null;
  return (
    <div role="status" className="border-b border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
      <p className="mx-auto max-w-5xl">{t("platform.suspendedBanner")}</p>
      {status.suspensionReason ? <p className="mx-auto max-w-5xl font-medium">{t("platform.suspendedBannerReason", { reason: status.suspensionReason })}</p> : null}
    </div>
  );
}
