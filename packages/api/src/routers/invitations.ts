import { createSession } from "@vigil/auth";
import { z } from "zod";
import { localeSchema, nameSchema, newPasswordSchema } from "../schemas.ts";
import { createUser } from "../services/accounts.ts";
import { acceptInvitation, findInvitation } from "../services/invitations.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";
import { setSessionCookie } from "./auth.ts";

const token = z.string().regex(/^[a-z2-7]{48}$/, { error: "validation.invalid" });

export const invitationsRouter = router({
  /** What the acceptance page shows: the workspace, the role and the invited address. */
  preview: publicProcedure.input(z.object({ token })).query(async ({ input }) => {
    const invitation = await findInvitation(input.token);
    return { workspaceName: invitation.tenant.name, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt };
  }),

  accept: authedProcedure.input(z.object({ token })).mutation(({ ctx, input }) => acceptInvitation(input.token, ctx.user, ctx.ipAddress)),

  /** A new person: creates the account for the invited address, signs in and joins. */
  signUpAndAccept: publicProcedure
    .input(z.object({ token, name: nameSchema, password: newPasswordSchema, locale: localeSchema }))
    .mutation(async ({ ctx, input }) => {
      const invitation = await findInvitation(input.token);
      const user = await createUser({ name: input.name, email: invitation.email, password: input.password, preferredLocale: input.locale });
      const workspace = await acceptInvitation(input.token, user, ctx.ipAddress);
      const { token: sessionToken, session } = await createSession(user.id, { ipAddress: ctx.ipAddress, userAgent: ctx.userAgent });
      setSessionCookie(ctx, sessionToken, session.expiresAt);
      return workspace;
    }),
});
