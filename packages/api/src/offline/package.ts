import type { TenantTx } from "@vigil/db";
import type { Locale } from "@vigil/i18n";
import { getChecklist } from "../checklist/answers.ts";
import { localizeChecklist } from "../checklist/localize.ts";
import { recommendationsToVerify } from "../recommendations/follow-up-visits.ts";
import { recordAudit } from "../core/audit.ts";
import type { Actor } from "../core/actor.ts";
import { assertOnVisitTeam, assertVisitExists } from "./operations.ts";

/**
 * What a device stores to work on a visit offline (issue 18, decision 0210): the place, the team,
 * the checklist in the monitor's language, the answers so far, the findings and the recommendations
 * to verify. Interviews are not in it: they stay online-only (decision 0211). Only a member of the
 * visit's team may take it, and taking it is audited: a copy of the visit now lives on a device.
 */
export async function offlinePackage(tx: TenantTx, actor: Actor, visitId: string, locale: Locale) {
  await assertVisitExists(tx, visitId);
  await assertOnVisitTeam(tx, actor, visitId);
  const checklist = await getChecklist(tx, actor, visitId);
  const team = await tx.visitTeamMember.findMany({
    where: { visitId },
    select: { visitRole: true, externalName: true, user: { select: { id: true, name: true } } },
    orderBy: [{ visitRole: "asc" }, { id: "asc" }],
  });
  const findings = await tx.finding.findMany({
    where: { visitId },
    select: { id: true, theme: true, text: true, severity: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const toVerify = await recommendationsToVerify(tx, visitId);
  await recordAudit(tx, actor, { action: "visit.takenOffline", targetType: "visit", targetId: visitId, details: { locale } });
  return {
    visit: checklist.visit,
    team: team.map((member) => ({ name: member.user?.name ?? member.externalName ?? "—", visitRole: member.visitRole, isMe: member.user?.id === actor.userId })),
    template: checklist.template ? { name: checklist.template.name, version: checklist.template.version } : null,
    view: checklist.template ? localizeChecklist(checklist.template.content, checklist.template.languages, locale) : null,
    locale,
    answers: checklist.answers.map(({ authorWorkspace: _author, ...answer }) => answer),
    canEdit: checklist.canEdit,
    findings,
    recommendationsToVerify: toVerify.recommendations.map((r) => ({ id: r.id, number: r.number, text: r.text, status: r.status, dueDate: r.dueDate, overdue: r.overdue })),
    takenAt: new Date(),
  };
}
