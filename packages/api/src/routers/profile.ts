import { invalidateUserSessions } from "@vigil/auth";
import { asUser } from "@vigil/db";
import { z } from "zod";
import { fail } from "../errors.ts";
import { localeSchema, nameSchema, newPasswordSchema } from "../schemas.ts";
import { checkPasswordLimited } from "../services/accounts.ts";
import { hashNewPassword } from "../services/passwords.ts";
import { authedProcedure, router } from "../trpc.ts";

export const profileRouter = router({
  update: authedProcedure.input(z.object({ name: nameSchema, preferredLocale: localeSchema })).mutation(({ ctx, input }) =>
    asUser(ctx.user.id, (tx) => tx.user.update({ where: { id: ctx.user.id }, data: input, select: { id: true, name: true, preferredLocale: true } })),
  ),

  /** Changing the password signs the user out of every other session. */
  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(1000), newPassword: newPasswordSchema }))
    .mutation(async ({ ctx, input }) => {
      // Limited like sign-in, and from the same allowance: a stolen session cannot guess the password here.
      const checked = await checkPasswordLimited(ctx.user.email, input.currentPassword, { ipAddress: ctx.ipAddress, locale: ctx.locale });
      if (!checked) fail("BAD_REQUEST", "errors.wrongPassword", {}, "currentPassword");
      const passwordHash = await hashNewPassword(input.newPassword, "newPassword", [ctx.user.email, ctx.user.name]);
      await asUser(ctx.user.id, (tx) => tx.user.update({ where: { id: ctx.user.id }, data: { passwordHash }, select: { id: true } }));
      const signedOut = await invalidateUserSessions(ctx.user.id, ctx.session.id);
      return { otherSessionsSignedOut: signedOut };
    }),
});
