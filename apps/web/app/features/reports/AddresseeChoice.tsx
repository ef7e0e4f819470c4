import { useTranslation } from "react-i18next";
import { FOCUS_RING } from "../../ui/Button";

export type AuthorityOption = { id: string; name: string; kind: "institution" | "ministry"; parentName: string | null };

/** Checkboxes for the institution and/or ministry a recommendation is addressed to, in one labelled group. */
export function AddresseeChoice({ prefix, authorities, selected, error }: { prefix: string; authorities: AuthorityOption[]; selected: string[]; error?: string }) {
  const { t } = useTranslation();
  const hintId = `${prefix}-addressees-hint`;
  const errorId = error ? `${prefix}-addressees-error` : undefined;
  return (
    <fieldset aria-describedby={[hintId, errorId].filter(Boolean).join(" ")} className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{t("report.addressees")}</legend>
      <p id={hintId} className="text-sm text-slate-600">{t("report.addresseesHint")}</p>
      <div className="grid gap-2 sm:grid-cols-2">
        {authorities.map((authority) => (
          <label key={authority.id} className="flex items-start gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              name="authorityIds"
              value={authority.id}
              defaultChecked={selected.includes(authority.id)}
              className={`mt-1 h-4 w-4 ${FOCUS_RING}`}
            />
            <span>
              {authority.name}
              <span className="text-slate-600"> ({t(`authorityKinds.${authority.kind}`)}{authority.parentName ? ` · ${authority.parentName}` : ""})</span>
            </span>
          </label>
        ))}
      </div>
      {error ? <p id={errorId} className="text-sm font-medium text-red-700">{error}</p> : null}
    </fieldset>
  );
}
