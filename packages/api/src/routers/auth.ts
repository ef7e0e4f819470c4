import { clearedSessionCookie, invalidateSession, pendingSignInCookie, sessionCookie } from "@vigil/auth";
import { z } from "zod";
import type { Context } from "../context.ts";
import { countryCodeSchema, emailSchema, localeSchema, nameSchema, newPasswordSchema, slugSchema } from "../schemas.ts";
import { sendEmailVerification } from "../services/account-recovery.ts";
import { signIn, signUp } from "../services/accounts.ts";
import { appUrl } from "./account-recovery.ts";
import { afterSignIn } from "./sessions.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";

export const signUpInput = z.object({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  workspaceName: nameSchema,
  workspaceSlug: slugSchema,
  countryCode: countryCodeSchema,
  locale: localeSchema,
});

export function setSessionCookie(ctx: Context, token: string, expiresAt: Date) {
  ctx.resHeaders.append("Set-Cookie", sessionCookie(token, ctx.request.url, expiresAt));
}

export const authRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
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

  signIn: publicProcedure.input(z.object({ email: emailSchema, password: z.string().min(1).max(1000) })).mutation(async ({ ctx, input }) => {
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
