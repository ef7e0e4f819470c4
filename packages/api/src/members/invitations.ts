import { generateOpaqueToken, hashSecret } from "@vigil/auth";
import { withTenant, type MemberRole, type TenantTx } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import { invitationMail, mailer } from "@vigil/email";
import type { Locale } from "@vigil/i18n";
import { fail } from "../core/errors.ts";
import { markEmailVerified } from "../account/recovery.ts";
import { recordAudit } from "../core/audit.ts";
import { assertMemberLimit } from "../billing/billing.ts";
import { refuseIfReadOnly } from "../core/entitlements.ts";
import { refuseUnverifiedAdmin } from "../account/email-verification.ts";
import { reservePerSubject } from "../core/attempt-limits.ts";
import type { Actor } from "../core/actor.ts";

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Invitations per workspace per hour: enough for onboarding a team, too few to use Vigil as a mailer. */
export const INVITATION_LIMIT = { limit: 30, windowMs: 60 * 60 * 1000 };

export type InvitationRequest = { email: string; role: MemberRole; appUrl: string; inviterName: string; workspaceName: string; locale: Locale };

/** Creates a single-use invitation and e-mails its link; only the token's hash is stored. */
export async function inviteMember(tx: TenantTx, actor: Actor, request: InvitationRequest) {
  if (actor.role !== "owner" && request.role === "owner") fail("FORBIDDEN", "errors.adminCannotManageOwner");
  const existing = await tx.membership.findFirst({ where: { user: { email: request.email } }, select: { id: true } });
  if (existing) fail("CONFLICT", "errors.alreadyMember", {}, "email");
  // The plan's member limit (members and pending invitations); never limited when billing is off.
  await assertMemberLimit(tx);
  await refuseUnverifiedAdmin(tx, request.email, request.role);
  // Atomically: parallel sends cannot overshoot the workspace's hourly allowance.
  await reservePerSubject("invite:tenant", actor.tenantId, INVITATION_LIMIT, request.locale);

  const { token, hash } = generateOpaqueToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  const invitation = await tx.invitation.create({
    data: { tenantId: actor.tenantId, email: request.email, role: request.role, tokenHash: hash, invitedById: actor.userId, expiresAt },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
  await recordAudit(tx, actor, {
    action: "member.invited", targetType: "invitation", targetId: invitation.id,
    details: { email: request.email, role: request.role },
  });
  // Sent inside the transaction: if the mail server refuses, no invitation is left behind unsent.
  await mailer().send(
    invitationMail({
      to: request.email, locale: request.locale, workspaceName: request.workspaceName, inviterName: request.inviterName,
      role: request.role, acceptUrl: `${request.appUrl.replace(/\/$/, "")}/invitations/${token}`, expiresAt,
    }),
  );
  return invitation;
}

export function listPendingInvitations(tx: TenantTx) {
  return tx.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeInvitation(tx: TenantTx, actor: Actor, invitationId: string) {
  const result = await tx.invitation.updateMany({ where: { id: invitationId, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  if (result.count === 0) fail("NOT_FOUND", "errors.notFound");
  await recordAudit(tx, actor, { action: "invitation.revoked", targetType: "invitation", targetId: invitationId });
}

/**
 * Finds an invitation by its token. The token is all the holder has (no tenant yet), so this is one
 * of the privileged handle's few uses; it returns only what the acceptance page shows. The hash is
 * unique within a workspace only (decision 0245: unique keys start with tenant_id); across
 * workspaces its 240 random bits make a second match impossible in practice.
 */
export async function findInvitation(token: string) {
  const invitation = await privilegedDb().invitation.findFirst({
    where: { tokenHash: hashSecret(token) },
    select: { id: true, tenantId: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, tenant: { select: { name: true, slug: true } } },
  });
  if (!invitation || invitation.revokedAt) fail("NOT_FOUND", "errors.invitationInvalid");
  if (invitation.acceptedAt) fail("CONFLICT", "errors.invitationUsed");
  if (invitation.expiresAt <= new Date()) fail("BAD_REQUEST", "errors.invitationExpired");
  return invitation;
}

/**
 * The signed-in user joins the inviting workspace. Single use is enforced by the database: the
 * conditional update marks the invitation accepted only if nobody did before.
 */
export async function acceptInvitation(token: string, user: { id: string; email: string }, ipAddress: string | null) {
  const invitation = await findInvitation(token);
  if (invitation.email !== user.email) fail("FORBIDDEN", "errors.invitationOtherEmail", { email: invitation.email });
  return withTenant(invitation.tenantId, user.id, async (tx) => {
    // Joining changes the workspace, so a read-only workspace (billing) takes no new members.
    await refuseIfReadOnly(tx);
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) fail("CONFLICT", "errors.invitationUsed");
    await markEmailVerified(user.id);
    const already = await tx.membership.findFirst({ where: { userId: user.id }, select: { id: true } });
    if (!already) {
      const membership = await tx.membership.create({ data: { tenantId: invitation.tenantId, userId: user.id, role: invitation.role }, select: { id: true } });
      await recordAudit(tx, { tenantId: invitation.tenantId, userId: user.id, ipAddress }, {
        action: "member.joined", targetType: "membership", targetId: membership.id,
        details: { invitationId: invitation.id, role: invitation.role },
      });
    }
    return { slug: invitation.tenant.slug, name: invitation.tenant.name };
  });
}
