import { isUniqueViolation, type TenantTx, type VisitRole } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { hasRole } from "../core/roles.ts";
import type { TeamMemberInput } from "./inputs.ts";
import { recordAudit } from "../core/audit.ts";
import type { Actor } from "../core/actor.ts";
import { assertWorkspaceMembers, findVisit } from "./checks.ts";
import { assertVisitEditable } from "./status-rules.ts";

/** The row for one team member: a workspace member by user id, or an external expert by name. */
export function teamRow(tenantId: string, visitId: string, member: TeamMemberInput) {
  return member.kind === "member"
    ? { tenantId, visitId, userId: member.userId, visitRole: member.visitRole }
    : { tenantId, visitId, externalName: member.name, externalExpertise: member.expertise ?? null, visitRole: member.visitRole };
}

/**
 * What the actor may do to a visit's team (docs/decisions/0147-who-manages-a-visit-team.md): a team
 * row is access to the visit's interviews, so coordinators and above manage any team, the visit's
 * own lead (a monitor at least) manages its other members, and nobody else. The database's trigger
 * visit_team_managers enforces the same rule.
 */
export async function teamManagement(tx: TenantTx, actor: Actor, visitId: string): Promise<{ members: boolean; lead: boolean }> {
  if (hasRole(actor.role, "coordinator")) return { members: true, lead: true };
  if (!hasRole(actor.role, "monitor")) return { members: false, lead: false };
  const leads = await tx.visitTeamMember.count({ where: { visitId, userId: actor.userId, visitRole: "lead" } });
  return { members: leads > 0, lead: false };
}

async function assertMayChangeTeam(tx: TenantTx, actor: Actor, visitId: string, visitRole: VisitRole) {
  const may = await teamManagement(tx, actor, visitId);
  if (!may.members) fail("FORBIDDEN", "visitErrors.teamManagersOnly");
  if (visitRole === "lead" && !may.lead) fail("FORBIDDEN", "visitErrors.leadByCoordinators", {}, "visitRole");
}

export async function addTeamMember(tx: TenantTx, actor: Actor, visitId: string, member: TeamMemberInput) {
  const visit = await findVisit(tx, visitId);
  assertVisitEditable(visit.status);
  await assertMayChangeTeam(tx, actor, visit.id, member.visitRole);
  if (member.kind === "member") {
    await assertWorkspaceMembers(tx, [member.userId]);
    const already = await tx.visitTeamMember.count({ where: { visitId: visit.id, userId: member.userId } });
    if (already > 0) fail("CONFLICT", "visitErrors.alreadyOnTeam", {}, "userId");
  }
  // The count above answers the usual case; the unique key catches two people adding at once.
  const created = await tx.visitTeamMember
    .create({ data: teamRow(actor.tenantId, visit.id, member), select: { id: true } })
    .catch((error: unknown) => (isUniqueViolation(error) ? fail("CONFLICT", "visitErrors.alreadyOnTeam", {}, "userId") : Promise.reject(error)));
  await recordAudit(tx, actor, {
    action: "visit.teamMemberAdded", targetType: "visit", targetId: visit.id,
    details: member.kind === "member"
      ? { teamMemberId: created.id, userId: member.userId, visitRole: member.visitRole }
      : { teamMemberId: created.id, externalName: member.name, visitRole: member.visitRole },
  });
  return created;
}

export async function removeTeamMember(tx: TenantTx, actor: Actor, visitId: string, teamMemberId: string) {
  const visit = await findVisit(tx, visitId);
  assertVisitEditable(visit.status);
  const member = await tx.visitTeamMember.findFirst({
    where: { id: teamMemberId, visitId: visit.id },
    select: { id: true, userId: true, externalName: true, visitRole: true },
  });
  if (!member) fail("NOT_FOUND", "errors.notFound");
  await assertMayChangeTeam(tx, actor, visit.id, member.visitRole);
  await tx.visitTeamMember.delete({ where: { tenantId_id: { tenantId: actor.tenantId, id: member.id } } });
  await recordAudit(tx, actor, {
    action: "visit.teamMemberRemoved", targetType: "visit", targetId: visit.id,
    details: { teamMemberId: member.id, userId: member.userId, externalName: member.externalName, visitRole: member.visitRole },
  });
}
