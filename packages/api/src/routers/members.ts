import { z } from "zod";
import type { Context } from "../context.ts";
import { emailSchema, roleSchema } from "../schemas.ts";
import { inviteMember, listPendingInvitations, revokeInvitation } from "../services/invitations.ts";
import { changeMemberRole, listMembers, removeMember, type Actor } from "../services/members.ts";
import { router, tenantProcedure, type TenantContext } from "../trpc.ts";

const id = z.uuid();

function actor(ctx: Context & TenantContext & { user: { id: string } }): Actor {
  return { tenantId: ctx.tenant.id, userId: ctx.user.id, role: ctx.membership.role, ipAddress: ctx.ipAddress };
}

function appUrl(ctx: Context): string {
  return process.env.APP_URL ?? new URL(ctx.request.url).origin;
}

export const membersRouter = router({
  list: tenantProcedure("viewer").query(({ ctx }) => listMembers(ctx.tx)),

  invitations: tenantProcedure("admin").query(({ ctx }) => listPendingInvitations(ctx.tx)),

  invite: tenantProcedure("admin")
    .input(z.object({ email: emailSchema, role: roleSchema }))
    .mutation(({ ctx, input }) =>
      inviteMember(ctx.tx, actor(ctx), {
        email: input.email, role: input.role, appUrl: appUrl(ctx), inviterName: ctx.user.name, workspaceName: ctx.tenant.name,
        locale: ctx.locale,
      }),
    ),

  revokeInvitation: tenantProcedure("admin")
    .input(z.object({ invitationId: id }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.tx, actor(ctx), input.invitationId)),

  changeRole: tenantProcedure("admin")
    .input(z.object({ membershipId: id, role: roleSchema }))
    .mutation(({ ctx, input }) => changeMemberRole(ctx.tx, actor(ctx), input.membershipId, input.role)),

  remove: tenantProcedure("admin")
    .input(z.object({ membershipId: id }))
    .mutation(({ ctx, input }) => removeMember(ctx.tx, actor(ctx), input.membershipId)),
});
