import { useTranslation } from "react-i18next";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { VisitRoleSelect } from "./VisitRoleSelect";

type Member = { id: string; name: string; email: string };

/**
 * The first team, planned with the visit: one workspace member and one external expert (both
 * optional). More people are added on the visit's page.
 */
export function FirstTeamFields({ members, error }: { members: Member[]; error?: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
      <legend className="px-1 font-medium text-slate-900">{t("visitTeam.firstTeam")}</legend>
      <p className="text-sm text-slate-600">{t("visitTeam.firstTeamHint")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="memberId" label={t("visitTeam.member")} defaultValue="" error={error}
          options={[{ value: "", label: t("visitTeam.nobody") }, ...members.map((m) => ({ value: m.id, label: `${m.name} (${m.email})` }))]} />
        <VisitRoleSelect name="memberRole" id="field-memberRole" label={t("visitTeam.memberRole")} defaultValue="lead" />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="expertName" label={t("visitTeam.expertName")} autoComplete="off" maxLength={200} />
        <TextField name="expertExpertise" label={t("visitTeam.expertExpertise")} autoComplete="off" maxLength={300} />
        <VisitRoleSelect name="expertRole" id="field-expertRole" label={t("visitTeam.expertRole")} defaultValue="doctor" />
      </div>
    </fieldset>
  );
}
