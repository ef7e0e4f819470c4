import { formatDate } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { useBusy } from "../../lib/form";
import { useLocale } from "../../lib/locale";
import { Button, buttonClass } from "../../ui/Button";
import { Card } from "../../ui/Card";
import { SelectField } from "../../ui/SelectField";
import { ForeignName, withNames } from "../../lib/bdi";

type Props = {
  library: {
    publications: { id: string; version: number; forumId: string | null; forum: { name: string } | null; publishedAt: Date; unpublishedAt: Date | null }[];
    source: { publisherName: string; sourceVersion: number; update: { version: number } | null } | null;
    forums: { id: string; name: string }[];
  };
  versions: { id: string; version: number | null }[];
  canEdit: boolean;
};

/** On a template's page: its source in the library (and any update), and publishing it to the library or a forum. */
export function TemplateLibraryPanel({ library, versions, canEdit }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const publishing = useBusy("libraryPublish");
  const live = library.publications.filter((p) => !p.unpublishedAt);
  return (
    <Card title={t("library.panelTitle")} id="library">
      <div className="space-y-4">
        {library.source ? (
          <div role="status" className="space-y-2">
            <p className="text-slate-700">{withNames(t).t("library.importedFrom", { name: <ForeignName name={library.source.publisherName} />, version: library.source.sourceVersion })}</p>
            {library.source.update ? (
              <p className="rounded-md border border-teal-200 bg-teal-50 px-3 py-2 text-teal-900">
                {t("library.updateAvailable", { version: library.source.update.version })}{" "}
                {canEdit ? <Link to="update" className="font-medium underline">{t("library.reviewUpdate")}</Link> : null}
              </p>
            ) : null}
          </div>
        ) : null}
        {live.length > 0 ? (
          <ul aria-label={t("library.publishedList")} className="divide-y divide-slate-100">
            {live.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link to={`../../library/${p.id}`} relative="path" className="text-teal-800 underline">
                  {t("library.publishedAs", { version: p.version, audience: p.forum ? p.forum.name : t("library.everyone"), date: formatDate(locale, p.publishedAt) })}
                </Link>
                {canEdit ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="libraryUnpublish" />
                    <input type="hidden" name="publicationId" value={p.id} />
                    <Button variant="ghost" aria-label={t("library.unpublishVersion", { version: p.version })}>{t("library.unpublish")}</Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("library.notShared")}</p>
        )}
        {canEdit && versions.length > 0 ? (
          <Form method="post" className="grid gap-3 sm:grid-cols-3 sm:items-end">
            <input type="hidden" name="intent" value="libraryPublish" />
            <SelectField name="versionId" label={t("library.versionToShare")} options={versions.map((v) => ({ value: v.id, label: t("library.version", { version: v.version }) }))} />
            <SelectField name="forumId" label={t("library.audience")} options={[{ value: "", label: t("library.everyone") }, ...library.forums.map((f) => ({ value: f.id, label: f.name }))]} />
            <Button busy={publishing} busyLabel={t("common.saving")}>{t("library.publish")}</Button>
          </Form>
        ) : null}
        {canEdit && versions.length === 0 ? <p className="text-sm text-slate-600">{t("library.publishFirst")}</p> : null}
        <Link to="../../library" relative="path" className={buttonClass("ghost")}>{t("library.browse")}</Link>
      </div>
    </Card>
  );
}
