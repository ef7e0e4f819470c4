import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { useBusy } from "../../lib/form";
import { Button } from "../../ui/Button";
import type { ServerOutputs } from "../../lib/api-types";

export type TeamMember = ServerOutputs["visits"]["get"]["team"][number];

/** What the viewer may do to the team: change its members, and the lead too (decision 0147). */
type TeamManagement = { members: boolean; lead: boolean };

/** The people on the visit; members of the workspace and external experts, each with their role. */
export function TeamList({ team, manage }: { team: TeamMember[]; manage: TeamManagement }) {
  const { t } = useTranslation();
  const busy = useBusy("removeTeamMember");
  if (team.length === 0) return <p className="text-slate-600">{t("visitTeam.empty")}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {team.map((member) => {
        const name = member.user?.name ?? member.externalName ?? "";
        return (
          <li key={member.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
            <div>
              <p className="font-medium text-slate-900">
                {name} <span className="font-normal text-slate-600">· {t(`visitRoles.${member.visitRole}`)}</span>
              </p>
              <p className="text-sm text-slate-600">
                {member.user
                  ? member.user.email
                  : [t("visitTeam.external"), member.externalExpertise].filter(Boolean).join(" · ")}
              </p>
            </div>
            {manage.members && (member.visitRole !== "lead" || manage.lead) ? (
              <Form method="post">
                <input type="hidden" name="intent" value="removeTeamMember" />
                <input type="hidden" name="teamMemberId" value={member.id} />
                <Button variant="ghost" busy={busy} aria-label={t("visitTeam.removeFor", { name })}>
                  {t("visitTeam.remove")}
                </Button>
              </Form>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
