import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { buttonClass } from "../../ui/Button";
import { PageHeader } from "../../ui/PageHeader";
import { AuditFilterForm } from "./AuditFilterForm";
import { AuditTable } from "./AuditTable";
import { loaderError, serverApi } from "../../lib/api.server";
import { auditFilterFromUrl, auditFilterQuery } from "./audit-filter";
import { pageTitle } from "../../lib/locale";
import { useWorkspace } from "../../lib/workspace";
import type { Route } from "./+types/audit-log";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "auditLog.title");

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context, params);
  const url = new URL(request.url);
  const filter = auditFilterFromUrl(url);
  try {
    const [page, options] = await Promise.all([
      api.caller.auditLog.list({ tenantSlug: params.slug, filter, cursor: url.searchParams.get("cursor") ?? undefined }),
      api.caller.auditLog.filterOptions({ tenantSlug: params.slug }),
    ]);
    return { ...page, options, filter };
  } catch (error) {
    loaderError(error, request);
  }
}

/** Who did what to which record, when, from where: for the workspace's admins. */
export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { events, nextCursor, options, filter } = loaderData;
  const exportHref = `/t/${workspace.slug}/audit/export.csv${auditFilterQuery(filter)}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("auditLog.title")}
        lead={t("auditLog.lead")}
        actions={
          <a className={buttonClass("secondary")} href={exportHref} download>
            {t("auditLog.exportCsv")}
          </a>
        }
      />
      <AuditFilterForm options={options} filter={filter} />
      <AuditTable events={events} />
      {nextCursor ? (
        <Link className={buttonClass("secondary")} to={auditFilterQuery(filter, { cursor: nextCursor })}>
          {t("auditLog.older")}
        </Link>
      ) : null}
    </div>
  );
}
