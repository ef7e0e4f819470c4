import { clearedSessionCookie, invalidateSession, invalidateUserSessions, pendingSignInCookie, sessionCookie } from "@vigil/auth";
import { appUrl, type Context } from "../core/context.ts";
import {
  changePasswordSchema, requestPasswordResetSchema, resetPasswordSchema, signInSchema, signUpSchema, updateProfileSchema, verifyEmailSchema,
} from "./inputs.ts";
import { requestPasswordReset, resetPassword, sendEmailVerification, verifyEmail } from "./recovery.ts";
import { checkPasswordLimited, signIn, signUp } from "./accounts.ts";
import { afterSignIn } from "../security/after-sign-in.ts";
import { requireSessionSecondFactor } from "../security/session-second-factor.ts";
import { authedProcedure, publicProcedure, router } from "../core/trpc.ts";
import { asUser } from "@vigil/db";
import { fail } from "../core/errors.ts";
import { hashNewPassword } from "./passwords.ts";

export function setSessionCookie(ctx: Context, token: string, expiresAt: Date) {
  ctx.resHeaders.append("Set-Cookie", sessionCookie(token, ctx.request.url, expiresAt));
}

export const authRouter = router({
  signUp: publicProcedure.input(signUpSchema).mutation(async ({ ctx, input }) => {
    const result = await signUp(
      {
        name: input.name, email: input.email, password: input.password, preferredLocale: input.locale,
        workspace: { name: input.workspaceName, slug: input.workspaceSlug, countryCode: input.countryCode, defaultLocale: input.locale },
      },
      { ipAddress: ctx.ipAddress, userAgent: ctx.userAgent, locale: ctx.locale, appUrl: appUrl(ctx), log: ctx.log },
    );
    setSessionCookie(ctx, result.token, result.session.expiresAt);
    await afterSignIn(ctx, result.user.id);
    ctx.log.info({ userId: result.user.id, tenantId: result.workspace.id }, "signed up");
    // A mail server that is down must not undo the sign-up; the profile page can send the link again.
    await sendEmailVerification(result.user, ctx.locale, appUrl(ctx)).catch((error: unknown) => ctx.log.error({ err: error }, "verification e-mail failed"));
    return { workspaceSlug: result.workspace.slug };
  }),

  signIn: publicProcedure.input(signInSchema).mutation(async ({ ctx, input }) => {
    const result = await signIn(input, { ipAddress: ctx.ipAddress, userAgent: ctx.userAgent, locale: ctx.locale });
    if (result.secondFactorDue) {
      // No session yet: only twoFactor.completeSignIn reads this cookie.
      ctx.resHeaders.append("Set-Cookie", pendingSignInCookie(result.pending.token, ctx.request.url));
      return { ok: true as const, secondFactorDue: true };
    }
    setSessionCookie(ctx, result.token, result.session.expiresAt);
    await afterSignIn(ctx, result.session.userId);
    ctx.log.info({ userId: result.session.userId }, "signed in");
    return { ok: true as const, secondFactorDue: false };
  }),

  signOut: authedProcedure.mutation(async ({ ctx }) => {
    await invalidateSession(ctx.session);
    ctx.resHeaders.append("Set-Cookie", clearedSessionCookie(ctx.request.url));
    return { ok: true as const };
  }),

  /** The signed-in user, or null: lets pages decide between the landing page and the app. */
  me: publicProcedure.query(({ ctx }) => ctx.user),
});

export const profileRouter = router({
  update: authedProcedure.input(updateProfileSchema).mutation(({ ctx, input }) =>
    asUser(ctx.user.id, (tx) => tx.user.update({ where: { id: ctx.user.id }, data: input, select: { id: true, name: true, preferredLocale: true } })),
  ),

  /** Changing the password signs the user out of every other session. */
  changePassword: authedProcedure
    .input(changePasswordSchema)
    .mutation(async ({ ctx, input }) => {
      // A session that never proved the second factor may not take the account over (decision 0265).
      requireSessionSecondFactor(ctx.user, ctx.session);
      // Limited like sign-in, and from the same allowance: a stolen session cannot guess the password here.
      const checked = await checkPasswordLimited(ctx.user.email, input.currentPassword, { ipAddress: ctx.ipAddress, locale: ctx.locale });
      if (!checked) fail("BAD_REQUEST", "errors.wrongPassword", {}, "currentPassword");
      const passwordHash = await hashNewPassword(input.newPassword, "newPassword", [ctx.user.email, ctx.user.name]);
      await asUser(ctx.user.id, async (tx) => {
        await tx.user.update({ where: { id: ctx.user.id }, data: { passwordHash }, select: { id: true } });
        // A sign-in that proved the old password and waits for its code proves nothing now (as a reset does).
        await tx.pendingSignIn.deleteMany({ where: { userId: ctx.user.id } });
      });
      const signedOut = await invalidateUserSessions(ctx.user.id, ctx.session.id);
      return { otherSessionsSignedOut: signedOut };
    }),
});


export const accountRecoveryRouter = router({
  /** Always the same answer, whether or not the address has an account. */
  requestPasswordReset: publicProcedure.input(requestPasswordResetSchema).mutation(async ({ ctx, input }) => {
    await requestPasswordReset(input.email, { ipAddress: ctx.ipAddress, locale: ctx.locale, appUrl: appUrl(ctx), log: ctx.log });
    return { ok: true as const };
  }),

  resetPassword: publicProcedure.input(resetPasswordSchema).mutation(async ({ ctx, input }) => {
    const { email } = await resetPassword(input.token, input.password);
    // Every session of the account ended, this browser's included.
    ctx.resHeaders.append("Set-Cookie", clearedSessionCookie(ctx.request.url));
    ctx.log.info("password reset by e-mailed link");
    return { email };
  }),

  verifyEmail: publicProcedure.input(verifyEmailSchema).mutation(async ({ input }) => {
    await verifyEmail(input.token);
    return { ok: true as const };
  }),

  resendVerification: authedProcedure.mutation(async ({ ctx }) => {
    await sendEmailVerification(ctx.user, ctx.locale, appUrl(ctx));
    return { ok: true as const };
  }),
});
