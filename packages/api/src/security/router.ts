import { clearedPendingSignInCookie, invalidateUserSessions, PENDING_SIGN_IN_COOKIE, readCookie } from "@vigil/auth";
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
import { proveSecondFactor, requireSessionSecondFactor, restartSessionsWithSecondFactor } from "./session-second-factor.ts";

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
    // The code was just proved here: this browser goes on with the second factor, the others end (decision 0265).
    const { token, session, otherSessionsSignedOut } = await restartSessionsWithSecondFactor(ctx.session, { ...client, userAgent: ctx.userAgent });
    setSessionCookie(ctx, token, session.expiresAt);
    ctx.log.info({ otherSessionsSignedOut }, "two-factor sign-in enabled");
    void sendTwoFactorEnabledNotice(ctx.user.id, { ...client, appUrl: appUrl(ctx) }).catch((error: unknown) =>
      ctx.log.error({ err: error }, "two-factor enabled notice failed"),
    );
    return { recoveryCodes, otherSessionsSignedOut };
  }),

  /**
   * New recovery codes replace the old; the session alone is not enough (re-authentication), and a
   * session that never proved the second factor may not mint codes that would prove it. The other
   * sessions end: one may have been signed in with a leaked old code (decision 0265).
   */
  regenerateRecoveryCodes: authedProcedure.input(reauthenticationOnlySchema).mutation(async ({ ctx, input }) => {
    requireSessionSecondFactor(ctx.user, ctx.session);
    await reauthenticate(ctx.user, input.reauthentication, { ipAddress: ctx.ipAddress, locale: ctx.locale });
    const status = await twoFactorStatus(ctx.user.id);
    if (!status.enabled) return { recoveryCodes: [], otherSessionsSignedOut: 0 };
    const recoveryCodes = await replaceRecoveryCodes(ctx.user.id);
    const otherSessionsSignedOut = await invalidateUserSessions(ctx.user.id, ctx.session.id);
    return { recoveryCodes, otherSessionsSignedOut };
  }),

  /** `code`: a current TOTP code or a recovery code (decision 0161). */
  disable: authedProcedure.input(disableTwoFactorSchema).mutation(async ({ ctx, input }) => {
    const proof = /^\d{6}$/.test(input.code) ? { code: input.code } : { recoveryCode: input.code };
    await disableTwoFactor(ctx.user.id, proof, { ipAddress: ctx.ipAddress, locale: ctx.locale });
    // A change of how the account signs in ends its other sessions, as a new password does (decision 0265).
    const otherSessionsSignedOut = await invalidateUserSessions(ctx.user.id, ctx.session.id);
    ctx.log.info({ otherSessionsSignedOut }, "two-factor sign-in disabled");
    return { ok: true as const, otherSessionsSignedOut };
  }),

  /**
   * The step-up of a session signed in without the second factor (before two-factor was turned
   * on): a code or a recovery code, and this browser continues on a new session that has it.
   */
  verifySession: authedProcedure.input(secondFactorSchema).mutation(async ({ ctx, input }) => {
    const replaced = await proveSecondFactor(ctx.user, ctx.session, input, { ipAddress: ctx.ipAddress, userAgent: ctx.userAgent, locale: ctx.locale });
    if (replaced) {
      setSessionCookie(ctx, replaced.token, replaced.session.expiresAt);
      ctx.log.info("session stepped up with a second factor");
    }
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

  // A session that never proved the account's second factor (a stolen password-only cookie) may not
  // sign out the sessions that did (decision 0265).
  revoke: authedProcedure.input(revokeSessionSchema).mutation(async ({ ctx, input }) => {
    requireSessionSecondFactor(ctx.user, ctx.session);
    await revokeSession(ctx.user.id, input.sessionId);
    ctx.log.info({ revokedSessionId: input.sessionId }, "session signed out remotely");
    return { ok: true as const };
  }),

  revokeOthers: authedProcedure.mutation(async ({ ctx }) => {
    requireSessionSecondFactor(ctx.user, ctx.session);
    const count = await revokeOtherSessions(ctx.user.id, ctx.session.id);
    return { count };
  }),
});
