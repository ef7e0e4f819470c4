import { DEVICE_COOKIE, deviceCookie, readCookie } from "@vigil/auth";
import { z } from "zod";
import type { Context } from "../context.ts";
import { listSessions, noticeSignInDevice, revokeOtherSessions, revokeSession } from "../services/sessions.ts";
import { authedProcedure, router } from "../trpc.ts";
import { appUrl } from "./account-recovery.ts";

/** Called by every path that creates a session: remembers the browser, and notices a new one by e-mail. */
export async function afterSignIn(ctx: Context, userId: string) {
  const deviceToken = readCookie(ctx.request.headers.get("cookie"), DEVICE_COOKIE);
  const newToken = await noticeSignInDevice(userId, deviceToken, {
    userAgent: ctx.userAgent, ipAddress: ctx.ipAddress, locale: ctx.locale, appUrl: appUrl(ctx), log: ctx.log,
  });
  if (newToken) ctx.resHeaders.append("Set-Cookie", deviceCookie(newToken, ctx.request.url));
}

export const sessionsRouter = router({
  list: authedProcedure.query(({ ctx }) => listSessions(ctx.user.id, ctx.session.id)),

  revoke: authedProcedure.input(z.object({ sessionId: z.string().min(1).max(100) })).mutation(async ({ ctx, input }) => {
    await revokeSession(ctx.user.id, input.sessionId);
    ctx.log.info({ revokedSessionId: input.sessionId }, "session signed out remotely");
    return { ok: true as const };
  }),

  revokeOthers: authedProcedure.mutation(async ({ ctx }) => {
    const count = await revokeOtherSessions(ctx.user.id, ctx.session.id);
    return { count };
  }),
});
