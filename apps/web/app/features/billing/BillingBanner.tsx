import { formatDate } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLocale } from "../../lib/locale";

type Status = { access: "full" | "grace" | "readOnly"; graceEndsAt: Date | string | null };

/**
 * Read-only: every member is told (changes will be refused; reading and exporting still work).
 * Payment failed, in grace: owners are told by when to fix it.
 */
export function BillingBanner({ status, slug, isOwner }: { status: Status; slug: string; isOwner: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (status.access === "full" || (status.access === "grace" && !isOwner)) return null;
  const readOnly = status.access === "readOnly";
  const message = readOnly
    ? t("billing.bannerReadOnly")
    : t("billing.bannerGrace", { date: status.graceEndsAt ? formatDate(locale, status.graceEndsAt, "long") : "" });
  return (
    <div role="status" className={`border-b px-4 py-3 text-sm ${readOnly ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900"}`}>
      <p className="mx-auto max-w-5xl">
        {message}{" "}
        {isOwner ? (
          <Link to={`/t/${slug}/billing`} className="font-medium underline">
            {t("billing.bannerAction")}
          </Link>
        ) : null}
      </p>
    </div>
  );
}
