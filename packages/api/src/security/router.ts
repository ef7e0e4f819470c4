import { clearedPendingSignInCookie, PENDING_SIGN_IN_COOKIE, readCookie } from "@vigil/auth";
import { recordAudit } from "../core/audit.ts";
import { reauthenticate } from "./reauthentication.ts";
import {
  confirmTwoFactorSchema, disableTwoFactorSchema, reauthenticationOnlySchema, revokeSessionSchema, secondFactorSchema, twoFactorRequirementSchema,
} from "./inputs.ts";
import { completeSignIn } from "./sign-in-second-step.ts";
import { confirmEnrolment, disableTwoFactor, enrolment, replaceRecoveryCodes, sendTwoFactorEnabledNotice, twoFactorStatus } from "./two-factor.ts";
import { authedProcedure, publicProcedure, router, tenantProcedure } from "../core/trpc.ts";
import { appUrl } from "../core/context.ts";
import { setSessionCookie } from "../account/router.ts";
import { afterSignIn } from "./after-sign-in.ts";
import { listSessions, revokeOtherSessions, revokeSession } from "./sessions.ts";

export const twoFactorRouter = router({
  status: authedProcedure.query(({ ctx }) => twoFactorStatus(ctx.user.id)),

  /** The secret being enrolled, with its QR code (created on first call, kept until confirmed). */
  enrolment: authedProcedure.query(({ ctx }) => enrolment(ctx.user)),

  /**
   * Turns two-factor sign-in on. Needs the password besides the session (decision 0151): otherwise a
   * stolen session could enrol the thief's authenticator and lock the owner out. The owner is mailed.
   */
  confirm: authedProcedure.input(confirmTwoFactorSchema).mutation(async ({ ctx, input }) => {
    const client = { ipAddress: ctx.ipAddress, locale: ctx.locale };
    await reauthenticate(ctx.user, input.reauthentication, client);
    const recoveryCodes = await confirmEnrolment(ctx.user.id, input.code, client);
    ctx.log.info("two-factor sign-in enabled");
    void sendTwoFactorEnabledNotice(ctx.user.id, { ...client, appUrl: appUrl(ctx) }).catch((error: unknown) =>
      ctx.log.error({ err: error }, "two-factor enabled notice failed"),
    );
    return { recoveryCodes };
  }),

  /** New recovery codes replace the old; the session alone is not enough (re-authentication). */
  regenerateRecoveryCodes: authedProcedure.input(reauthenticationOnlySchema).mutation(async ({ ctx, input }) => {
    await reauthenticate(ctx.user, input.reauthentication, { ipAddress: ctx.ipAddress, locale: ctx.locale });
    const status = await twoFactorStatus(ctx.user.id);
    if (!status.enabled) return { recoveryCodes: [] };
    return { recoveryCodes: await replaceRecoveryCodes(ctx.user.id) };
  }),

  /** `code`: a current TOTP code or a recovery code (decision 0161). */
  disable: authedProcedure.input(disableTwoFactorSchema).mutation(async ({ ctx, input }) => {
    const proof = /^\d{6}$/.test(input.code) ? { code: input.code } : { recoveryCode: input.code };
    await disableTwoFactor(ctx.user.id, proof, { ipAddress: ctx.ipAddress, locale: ctx.locale });
    ctx.log.info("two-factor sign-in disabled");
    return { ok: true as const };
  }),

  /** The second step of sign-in; the pending cookie from auth.signIn says who is signing in. */
  completeSignIn: publicProcedure
    .input(secondFactorSchema)
    .mutation(async ({ ctx, input }) => {
      const pendingToken = readCookie(ctx.request.headers.get("cookie"), PENDING_SIGN_IN_COOKIE);
      const { token, session } = await completeSignIn(pendingToken, input, { ipAddress: ctx.ipAddress, userAgent: ctx.userAgent, locale: ctx.locale });
      ctx.resHeaders.append("Set-Cookie", clearedPendingSignInCookie(ctx.request.url));
      setSessionCookie(ctx, token, session.expiresAt);
      await afterSignIn(ctx, session.userId);
      ctx.log.info({ userId: session.userId }, "signed in with a second factor");
      return { ok: true as const };
    }),

  /** The workspace setting: every member must sign in with a second factor. */
  setWorkspaceRequirement: tenantProcedure("owner").input(twoFactorRequirementSchema).mutation(async ({ ctx, input }) => {
    await ctx.tx.tenant.update({ where: { id: ctx.tenant.id }, data: { requireTwoFactor: input.required } });
    await recordAudit(ctx.tx, ctx.actor, {
      action: "workspace.twoFactorRequirement", targetType: "workspace", targetId: ctx.tenant.id, details: { required: input.required },
    });
    return { required: input.required };
  }),

  workspaceRequirement: tenantProcedure("viewer", { allowDuringDeletionGrace: true }).query(async ({ ctx }) => {
    const tenant = await ctx.tx.tenant.findUniqueOrThrow({ where: { id: ctx.tenant.id }, select: { requireTwoFactor: true } });
    return { required: tenant.requireTwoFactor };
  }),
});

export const sessionsRouter = router({
  list: authedProcedure.query(({ ctx }) => listSessions(ctx.user.id, ctx.session.id)),

  revoke: authedProcedure.input(revokeSessionSchema).mutation(async ({ ctx, input }) => {
    await revokeSession(ctx.user.id, input.sessionId);
    ctx.log.info({ revokedSessionId: input.sessionId }, "session signed out remotely");
    return { ok: true as const };
  }),

  revokeOthers: authedProcedure.mutation(async ({ ctx }) => {
    const count = await revokeOtherSessions(ctx.user.id, ctx.session.id);
    return { count };
  }),
});
