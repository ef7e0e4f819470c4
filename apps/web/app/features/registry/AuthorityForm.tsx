import { localizedName, type NamedInLanguages } from "@vigil/i18n";
import { AUTHORITY_KINDS } from "@vigil/api/registry";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../lib/locale";
import { Form, Link } from "react-router";
import { fieldError, useBusy, type ActionResult } from "../../lib/form";
import { Button, buttonClass } from "../../ui/Button";
import { FormError } from "../../ui/FormMessage";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { NameTranslationsFieldset } from "./NameTranslationsFieldset";

export type AuthorityValues = { id: string; kind: string; name: string; nameTranslations?: unknown; contactEmail: string | null; parent: { id: string } | null };

/** Adds an authority, or edits one (`authority` given); an institution may name its ministry. */
export function AuthorityForm({ authority, ministries, result }: { authority?: AuthorityValues; ministries: ({ id: string } & NamedInLanguages)[]; result?: ActionResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const intent = authority ? "update" : "create";
  const busy = useBusy(intent);
  const mine = result?.intent === intent && (!authority || result.targetId === authority.id) ? result : undefined;
  const prefix = authority ? `authority-${authority.id}` : "new-authority";
  return (
    <Form method="post" className="space-y-4">
      <input type="hidden" name="intent" value={intent} />
      {authority ? <input type="hidden" name="authorityId" value={authority.id} /> : null}
      <FormError message={mine && !mine.ok ? mine.message : undefined} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id={`${prefix}-kind`} name="kind" label={t("authorities.kind")} defaultValue={authority?.kind ?? "institution"} options={AUTHORITY_KINDS.map((kind) => ({ value: kind, label: t(`authorityKinds.${kind}`) }))} error={fieldError(mine, "kind")} />
        <TextField id={`${prefix}-name`} name="name" label={t("authorities.name")} required maxLength={300} defaultValue={authority?.name} error={fieldError(mine, "name")} />
        <SelectField
          id={`${prefix}-parent`}
          name="parentId"
          label={t("authorities.parent")}
          defaultValue={authority?.parent?.id ?? ""}
          options={[{ value: "", label: t("authorities.noParent") }, ...ministries.filter((m) => m.id !== authority?.id).map((m) => ({ value: m.id, label: localizedName(m, locale) }))]}
          error={fieldError(mine, "parentId")}
        />
        <TextField id={`${prefix}-email`} name="contactEmail" type="email" label={t("authorities.contactEmail")} maxLength={254} defaultValue={authority?.contactEmail ?? ""} error={fieldError(mine, "contactEmail")} />
      </div>
      <p className="text-sm text-slate-600">{t("authorities.parentHint")}</p>
      <NameTranslationsFieldset idPrefix={prefix} values={authority?.nameTranslations} error={(field) => fieldError(mine, field)} />
      <div className="flex gap-2">
        <Button busy={busy} busyLabel={t("common.saving")}>
          {authority ? t("authorities.save") : t("authorities.create")}
        </Button>
        {authority ? <Link to="." className={buttonClass("ghost")}>{t("authorities.cancelEdit")}</Link> : null}
      </div>
    </Form>
  );
}
