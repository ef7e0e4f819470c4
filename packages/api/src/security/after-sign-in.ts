import { DEVICE_COOKIE, deviceCookie, readCookie } from "@vigil/auth";
import { appUrl, type Context } from "../core/context.ts";
import { noticeSignInDevice } from "./sessions.ts";

/** Called by every path that creates a session: remembers the browser, and notices a new one by e-mail. */
export async function afterSignIn(ctx: Context, userId: string) {
  const deviceToken = readCookie(ctx.request.headers.get("cookie"), DEVICE_COOKIE);
  const newToken = await noticeSignInDevice(userId, deviceToken, {
    userAgent: ctx.userAgent, ipAddress: ctx.ipAddress, locale: ctx.locale, appUrl: appUrl(ctx), log: ctx.log,
  });
  if (newToken) ctx.resHeaders.append("Set-Cookie", deviceCookie(newToken, ctx.request.url));
}
