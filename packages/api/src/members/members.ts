import type { MemberRole, TenantTx } from "@vigil/db";
import { fail } from "../core/errors.ts";
import type { Actor } from "../core/actor.ts";
import { recordAudit } from "../core/audit.ts";

export function listMembers(tx: TenantTx) {
  return tx.membership.findMany({
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ user: { name: "asc" } }],
  });
}

async function findMember(tx: TenantTx, membershipId: string) {
  const member = await tx.membership.findFirst({ where: { id: membershipId }, select: { id: true, role: true, userId: true } });
  if (!member) fail("NOT_FOUND", "errors.notFound");
  return member;
}

/**
 * Locks the workspace's owner rows, so that two admins demoting the last two owners at once
 * cannot both succeed; then refuses a change that would leave no owner.
 */
async function assertAnotherOwnerRemains(tx: TenantTx, tenantId: string, leavingMembershipId: string) {
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM memberships WHERE tenant_id = ${tenantId}::uuid AND role = 'owner' FOR UPDATE`;
  if (!owners.some((owner) => owner.id !== leavingMembershipId)) fail("CONFLICT", "errors.lastOwner");
}

/** Only owners may touch an owner's membership or create new owners. */
function assertMayManage(actor: Actor, targetRole: MemberRole, newRole?: MemberRole) {
  if (actor.role !== "owner" && (targetRole === "owner" || newRole === "owner")) fail("FORBIDDEN", "errors.adminCannotManageOwner");
}

export async function changeMemberRole(tx: TenantTx, actor: Actor, membershipId: string, role: MemberRole) {
  const member = await findMember(tx, membershipId);
  if (member.userId === actor.userId) fail("FORBIDDEN", "errors.cannotChangeOwnRole");
  assertMayManage(actor, member.role, role);
  if (member.role === role) return member;
  if (member.role === "owner") await assertAnotherOwnerRemains(tx, actor.tenantId, member.id);
  const updated = await tx.membership.update({
    where: { tenantId_id: { tenantId: actor.tenantId, id: member.id } },
    data: { role },
    select: { id: true, role: true, userId: true },
  });
  await recordAudit(tx, actor, {
    action: "member.roleChanged", targetType: "membership", targetId: member.id,
    details: { userId: member.userId, from: member.role, to: role },
  });
  return updated;
}

export async function removeMember(tx: TenantTx, actor: Actor, membershipId: string) {
  const member = await findMember(tx, membershipId);
  assertMayManage(actor, member.role);
  if (member.role === "owner") await assertAnotherOwnerRemains(tx, actor.tenantId, member.id);
  await tx.membership.delete({ where: { tenantId_id: { tenantId: actor.tenantId, id: member.id } } });
  await recordAudit(tx, actor, {
    action: "member.removed", targetType: "membership", targetId: member.id,
    details: { userId: member.userId, role: member.role },
  });
}
