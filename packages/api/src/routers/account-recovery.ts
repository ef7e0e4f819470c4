import { clearedSessionCookie } from "@vigil/auth";
import { z } from "zod";
import type { Context } from "../context.ts";
import { emailSchema, newPasswordSchema } from "../schemas.ts";
import { requestPasswordReset, resetPassword, sendEmailVerification, verifyEmail } from "../services/account-recovery.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";

const linkToken = z.string().regex(/^[a-z2-7]{48}$/, { error: "securityErrors.linkInvalid" });

export function appUrl(ctx: Context): string {
  return process.env.APP_URL ?? new URL(ctx.request.url).origin;
}

export const accountRecoveryRouter = router({
  /** Always the same answer, whether or not the address has an account. */
  requestPasswordReset: publicProcedure.input(z.object({ email: emailSchema })).mutation(async ({ ctx, input }) => {
    await requestPasswordReset(input.email, { ipAddress: ctx.ipAddress, locale: ctx.locale, appUrl: appUrl(ctx), log: ctx.log });
    return { ok: true as const };
  }),

  resetPassword: publicProcedure.input(z.object({ token: linkToken, password: newPasswordSchema })).mutation(async ({ ctx, input }) => {
    const { email } = await resetPassword(input.token, input.password);
    // Every session of the account ended, this browser's included.
    ctx.resHeaders.append("Set-Cookie", clearedSessionCookie(ctx.request.url));
    ctx.log.info("password reset by e-mailed link");
    return { email };
  }),

  verifyEmail: publicProcedure.input(z.object({ token: linkToken })).mutation(async ({ input }) => {
    await verifyEmail(input.token);
    return { ok: true as const };
  }),

  resendVerification: authedProcedure.mutation(async ({ ctx }) => {
    await sendEmailVerification(ctx.user, ctx.locale, appUrl(ctx));
    return { ok: true as const };
  }),
});
