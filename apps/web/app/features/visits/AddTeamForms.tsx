import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { fieldError, useBusy, type ActionResult } from "../../lib/form";
import { Button } from "../../ui/Button";
import { FormError } from "../../ui/FormMessage";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { VisitRoleSelect } from "./VisitRoleSelect";

type Member = { id: string; name: string; email: string };

/** Two small forms: add a member of the workspace, or an external expert without an account. */
export function AddTeamForms({ members, result, withLead }: { members: Member[]; result?: ActionResult; withLead: boolean }) {
  const { t } = useTranslation();
  const memberBusy = useBusy("addMember");
  const expertBusy = useBusy("addExpert");
  const memberResult = result?.intent === "addMember" ? result : undefined;
  const expertResult = result?.intent === "addExpert" ? result : undefined;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Form method="post" className="space-y-3" key={memberResult?.ok ? "member-added" : "member"}>
        <h3 className="font-semibold text-slate-900">{t("visitTeam.addMemberTitle")}</h3>
        <input type="hidden" name="intent" value="addMember" />
        <FormError message={memberResult && !memberResult.ok ? memberResult.message : undefined} />
        <SelectField name="memberId" id="add-member" label={t("visitTeam.member")} required error={fieldError(memberResult, "userId") ?? fieldError(memberResult, "member.userId")}
          options={[{ value: "", label: t("visitTeam.chooseMember") }, ...members.map((m) => ({ value: m.id, label: `${m.name} (${m.email})` }))]} />
        <VisitRoleSelect name="memberRole" id="add-member-role" label={t("visitTeam.memberRole")} defaultValue="monitor" withLead={withLead} />
        <Button variant="secondary" busy={memberBusy}>{t("visitTeam.addMember")}</Button>
      </Form>
      <Form method="post" className="space-y-3" key={expertResult?.ok ? "expert-added" : "expert"}>
        <h3 className="font-semibold text-slate-900">{t("visitTeam.addExpertTitle")}</h3>
        <input type="hidden" name="intent" value="addExpert" />
        <FormError message={expertResult && !expertResult.ok ? expertResult.message : undefined} />
        <TextField name="expertName" id="add-expert-name" label={t("visitTeam.expertName")} required maxLength={200} autoComplete="off" error={fieldError(expertResult, "member.name")} />
        <TextField name="expertExpertise" id="add-expert-expertise" label={t("visitTeam.expertExpertise")} maxLength={300} autoComplete="off" />
        <VisitRoleSelect name="expertRole" id="add-expert-role" label={t("visitTeam.expertRole")} defaultValue="doctor" withLead={withLead} />
        <Button variant="secondary" busy={expertBusy}>{t("visitTeam.addExpert")}</Button>
      </Form>
    </div>
  );
}
