import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { buttonClass } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { PageHeader } from "../../ui/PageHeader";
import { MonthAgenda } from "./MonthAgenda";
import { VisitTabs } from "./VisitTabs";
import { loaderError, serverApi } from "../../lib/api.server";
import { pageTitle, useLocale } from "../../lib/locale";
import { monthName } from "./visit-days";
import type { Route } from "./+types/visits-calendar";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "visitCalendar.title");

/** The month in ?month=YYYY-MM, or the current one. */
function monthFrom(url: URL): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(url.searchParams.get("month") ?? "");
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (match && year >= 1990 && year <= 2100 && month >= 1 && month <= 12) return { year, month };
  const now = new Date();
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
}

function monthParam(year: number, month: number): string {
  const date = new Date(Date.UTC(year, month - 1, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const { year, month } = monthFrom(new URL(request.url));
  try {
    const visits = await api.caller.visits.calendar({ tenantSlug: params.slug, year, month });
    return { year, month, visits, previous: monthParam(year, month - 1), next: monthParam(year, month + 1) };
  } catch (error) {
    loaderError(error, request);
  }
}

export default function VisitsCalendar({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { year, month, visits, previous, next } = loaderData;
  const title = monthName(locale, year, month);
  return (
    <div className="space-y-6">
      <PageHeader title={t("visitCalendar.title")} lead={t("visitCalendar.lead")} />
      <VisitTabs />
      <section aria-labelledby="month-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="month-heading" className="text-xl font-semibold text-slate-900" aria-live="polite">
            {title}
          </h2>
          <nav aria-label={t("visitCalendar.monthNav")} className="flex gap-2">
            <Link to={`?month=${previous}`} className={buttonClass("secondary")}>
              {t("visitCalendar.previous")}
            </Link>
            <Link to={`?month=${next}`} className={buttonClass("secondary")}>
              {t("visitCalendar.next")}
            </Link>
          </nav>
        </div>
        {visits.length === 0 ? (
          <EmptyState headingLevel={3} title={t("visitCalendar.emptyTitle", { month: title })} body={t("visitCalendar.emptyBody")} />
        ) : (
          <MonthAgenda year={year} month={month} visits={visits} />
        )}
      </section>
    </div>
  );
}
