import type { Context } from "../core/context.ts";
import { changeRoleSchema, invitationRefSchema, invitationTokenSchema, inviteMemberSchema, membershipRefSchema, signUpAndAcceptSchema } from "./inputs.ts";
import { acceptInvitation, findInvitation, inviteMember, listPendingInvitations, revokeInvitation } from "./invitations.ts";
import { changeMemberRole, listMembers, removeMember } from "./members.ts";
import { authedProcedure, publicProcedure, router, tenantProcedure } from "../core/trpc.ts";
import { createSession } from "@vigil/auth";
import { createUser } from "../account/accounts.ts";
import { setSessionCookie } from "../account/router.ts";

function appUrl(ctx: Context): string {
  return process.env.APP_URL ?? new URL(ctx.request.url).origin;
}

export const membersRouter = router({
  list: tenantProcedure("viewer").query(({ ctx }) => listMembers(ctx.tx)),

  invitations: tenantProcedure("admin").query(({ ctx }) => listPendingInvitations(ctx.tx)),

  invite: tenantProcedure("admin")
    .input(inviteMemberSchema)
    .mutation(({ ctx, input }) =>
      inviteMember(ctx.tx, ctx.actor, {
        email: input.email, role: input.role, appUrl: appUrl(ctx), inviterName: ctx.user.name, workspaceName: ctx.tenant.name,
        locale: ctx.locale,
      }),
    ),

  revokeInvitation: tenantProcedure("admin")
    .input(invitationRefSchema)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.tx, ctx.actor, input.invitationId)),

  changeRole: tenantProcedure("admin")
    .input(changeRoleSchema)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.tx, ctx.actor, input.membershipId, input.role)),

  remove: tenantProcedure("admin")
    .input(membershipRefSchema)
    .mutation(({ ctx, input }) => removeMember(ctx.tx, ctx.actor, input.membershipId)),
});

export const invitationsRouter = router({
  /** What the acceptance page shows: the workspace, the role and the invited address. */
  preview: publicProcedure.input(invitationTokenSchema).query(async ({ input }) => {
    const invitation = await findInvitation(input.token);
    return { workspaceName: invitation.tenant.name, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
  }),

  accept: authedProcedure.input(invitationTokenSchema).mutation(({ ctx, input }) => acceptInvitation(input.token, ctx.user, ctx.ipAddress)),

  /** A new person: creates the account for the invited address, signs in and joins. */
  signUpAndAccept: publicProcedure
    .input(signUpAndAcceptSchema)
    .mutation(async ({ ctx, input }) => {
      const invitation = await findInvitation(input.token);
      const user = await createUser({ name: input.name, email: invitation.email, password: input.password, preferredLocale: input.locale });
      const workspace = await acceptInvitation(input.token, user, ctx.ipAddress);
      const { token: sessionToken, session } = await createSession(user.id, { ipAddress: ctx.ipAddress, userAgent: ctx.userAgent });
      setSessionCookie(ctx, sessionToken, session.expiresAt);
      return workspace;
    }),
});
