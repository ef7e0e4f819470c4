import { useTranslation } from "react-i18next";

export type WorkspaceIdentityEntry = { name: string; slug: string; countryCode: string; verified: boolean };

/**
 * Another workspace as pickers and directories show it (decision 0155): its name isolated in <bdi>,
 * whether a platform operator verified it as its country's NPM, its country and its slug, the one
 * thing a look-alike sign-up cannot copy.
 */
export function WorkspaceIdentity({ workspace }: { workspace: WorkspaceIdentityEntry }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <bdi className="font-medium text-slate-900">{workspace.name}</bdi>
      {workspace.verified ? (
        <span className="rounded bg-emerald-50 px-1.5 text-xs font-medium text-emerald-900">{t("workspaceIdentity.verified")}</span>
      ) : (
        <span className="rounded bg-amber-50 px-1.5 text-xs font-medium text-amber-900">{t("workspaceIdentity.unverified")}</span>
      )}
      <span className="text-sm text-slate-600">
        {workspace.countryCode} · <code>{workspace.slug}</code>
      </span>
    </span>
  );
}
