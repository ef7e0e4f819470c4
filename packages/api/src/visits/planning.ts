import type { TenantTx, VisitStatus } from "@vigil/db";
import { fail } from "../core/errors.ts";
import type { PlanVisitInput, UpdatePlanInput } from "./inputs.ts";
import { assertTransition, assertVisitEditable } from "./status-rules.ts";
import { recordAudit } from "../core/audit.ts";
import type { Actor } from "../core/actor.ts";
import { assertTemplateVersionFits, assertWorkspaceMembers, dayToDate, findPlaceForVisit, findVisit } from "./checks.ts";
import { teamRow } from "./team.ts";

function planData(input: Omit<UpdatePlanInput, "visitId">) {
  return {
    type: input.type,
    announced: input.announced,
    nightVisit: input.nightVisit,
    plannedStart: dayToDate(input.plannedStart),
    plannedEnd: dayToDate(input.plannedEnd),
    objectives: input.objectives ?? null,
    templateVersionId: input.templateVersionId ?? null,
  };
}

/** Plans a visit with its first team, in one transaction: a refused team member plans nothing. */
export async function planVisit(tx: TenantTx, actor: Actor, input: PlanVisitInput) {
  const place = await findPlaceForVisit(tx, input.placeId);
  if (input.templateVersionId) await assertTemplateVersionFits(tx, input.templateVersionId, place.type);
  const userIds = input.team.flatMap((m) => (m.kind === "member" ? [m.userId] : []));
  if (new Set(userIds).size !== userIds.length) fail("CONFLICT", "visitErrors.alreadyOnTeam", {}, "userId");
  await assertWorkspaceMembers(tx, userIds);
  const visit = await tx.visit.create({
    data: { tenantId: actor.tenantId, placeId: place.id, createdById: actor.userId, ...planData(input) },
    select: { id: true },
  });
  // The planner sets the first team (docs/decisions/0147); the database allows it only in the
  // transaction that created the visit, by its recorded creator.
  const team = input.team.length > 0
    ? await tx.visitTeamMember.createManyAndReturn({
        data: input.team.map((member) => teamRow(actor.tenantId, visit.id, member)),
        select: { id: true, userId: true, externalName: true, visitRole: true },
      })
    : [];
  await recordAudit(tx, actor, {
    action: "visit.planned", targetType: "visit", targetId: visit.id,
    details: { placeId: place.id, type: input.type, plannedStart: input.plannedStart, plannedEnd: input.plannedEnd, teamSize: input.team.length },
  });
  // Each person put on the team gains access to the visit's interviews: one entry each, naming whom.
  for (const member of team) {
    await recordAudit(tx, actor, {
      action: "visit.teamMemberAdded", targetType: "visit", targetId: visit.id,
      details: member.userId
        ? { teamMemberId: member.id, userId: member.userId, visitRole: member.visitRole }
        : { teamMemberId: member.id, externalName: member.externalName, visitRole: member.visitRole },
    });
  }
  return visit;
}

/**
 * Changes the plan while the visit is editable. The template version is fixed once anyone has
 * answered its checklist: answers belong to that version's questions.
 */
export async function updateVisitPlan(tx: TenantTx, actor: Actor, input: UpdatePlanInput) {
  const visit = await findVisit(tx, input.visitId);
  assertVisitEditable(visit.status);
  const templateVersionId = input.templateVersionId ?? null;
  if (templateVersionId !== visit.templateVersionId) {
    if (templateVersionId) await assertTemplateVersionFits(tx, templateVersionId, visit.place.type);
    if ((await tx.checklistAnswer.count({ where: { visitId: visit.id } })) > 0) {
      fail("CONFLICT", "visitErrors.templateLocked", {}, "templateVersionId");
    }
  }
  const { visitId: _visitId, ...plan } = input;
  await tx.visit.update({
    where: { tenantId_id: { tenantId: actor.tenantId, id: visit.id } },
    data: { ...planData(plan), updatedAt: new Date() },
  });
  await recordAudit(tx, actor, {
    action: "visit.planUpdated", targetType: "visit", targetId: visit.id,
    details: { type: input.type, plannedStart: input.plannedStart, plannedEnd: input.plannedEnd, templateVersionId },
  });
  return { id: visit.id };
}

/**
 * Moves a visit along its status cycle. The update names the status it started from, so two
 * people pressing different buttons at once cannot both win.
 */
export async function transitionVisit(tx: TenantTx, actor: Actor, visitId: string, to: VisitStatus) {
  const visit = await findVisit(tx, visitId);
  assertTransition(visit.status, to);
  const { count } = await tx.visit.updateMany({ where: { id: visit.id, status: visit.status }, data: { status: to, updatedAt: new Date() } });
  if (count !== 1) fail("CONFLICT", "errors.conflict");
  await recordAudit(tx, actor, {
    action: "visit.statusChanged", targetType: "visit", targetId: visit.id,
    details: { from: visit.status, to },
  });
  return { id: visit.id, status: to };
}
