import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** Shown to admins when the plan's member limit is reached, with the way to raise it. */
export function MemberLimitNotice({ limit, slug, isOwner }: { limit: number; slug: string; isOwner: boolean }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {t("billing.limitReached", { count: limit })}{" "}
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
