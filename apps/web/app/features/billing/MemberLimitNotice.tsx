import { formatNumber } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLocale } from "../../lib/locale";

/** Shown to admins when the plan's member limit is reached, with the way to raise it. */
export function MemberLimitNotice({ limit, slug, isOwner }: { limit: number; slug: string; isOwner: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {t("billing.limitReached", { limit: formatNumber(locale, limit) })}{" "}
      {isOwner ? (
        <Link to={`/t/${slug}/billing`} className="font-medium underline">
          {t("billing.upgrade")}
        </Link>
      ) : (
        t("billing.askOwner")
      )}
    </p>
  );
}
