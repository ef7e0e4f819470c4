import { generateOpaqueToken, hashSecret, invalidateUserSessions } from "@vigil/auth";
import { asUser } from "@vigil/db";
import { formatDateTime, isLocale, translator, type Locale } from "@vigil/i18n";
import { mailer, newDeviceMail } from "@vigil/email";
import { fail } from "../core/errors.ts";
import type { Logger } from "../core/logger.ts";
import { describeDevice } from "./device.ts";
import { deviceLabel } from "./device-label.ts";

/** The user's signed-in browsers, the current one first, then by last use; each named by its browser and system. */
export async function listSessions(userId: string, currentSessionId: string) {
  const sessions = await asUser(userId, (tx) =>
    tx.session.findMany({
      where: { userId },
      select: { id: true, userAgent: true, ipAddress: true, createdAt: true, lastActiveAt: true },
      orderBy: { lastActiveAt: "desc" },
    }),
  );
  return sessions
    .map(({ userAgent, ...session }) => ({ ...session, device: describeDevice(userAgent), current: session.id === currentSessionId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** The shape of a session id (packages/auth session-token.ts); anything else names no session. */
const SESSION_ID = /^[a-z2-7]{24}$/;

/** Signs out one of the user's own sessions; another user's session id is simply not found. */
export async function revokeSession(userId: string, sessionId: string) {
  // Checked before the query: text PostgreSQL refuses (NUL) would otherwise be a 500, not a 404.
  if (!SESSION_ID.test(sessionId)) fail("NOT_FOUND", "errors.notFound");
  const deleted = await asUser(userId, (tx) => tx.session.deleteMany({ where: { id: sessionId, userId } }));
  if (deleted.count === 0) fail("NOT_FOUND", "errors.notFound");
}

export function revokeOtherSessions(userId: string, currentSessionId: string) {
  return invalidateUserSessions(userId, currentSessionId);
}


type SignInClient = { userAgent: string | null; ipAddress: string | null; locale: Locale; appUrl: string; log: Logger };

/**
 * After a sign-in: if this browser's device cookie is unknown for the user, remember it and (unless
 * it is the account's first browser) e-mail a notice. Returns a device token when the browser needs
 * a new cookie. The e-mail is sent without waiting, so signing in is not slowed by the mail server.
 */
export async function noticeSignInDevice(userId: string, deviceToken: string | null, client: SignInClient): Promise<string | null> {
  const known = deviceToken
    ? await asUser(userId, (tx) => tx.knownDevice.findUnique({ where: { userId_deviceHash: { userId, deviceHash: hashSecret(deviceToken) } } }))
    : null;
  if (known) return null;
  const token = deviceToken && /^[a-z2-7]{48}$/.test(deviceToken) ? deviceToken : generateOpaqueToken().token;
  const firstDevice = await asUser(userId, async (tx) => {
    const first = (await tx.knownDevice.count({ where: { userId } })) === 0;
    await tx.knownDevice.create({ data: { userId, deviceHash: hashSecret(token) }, select: { userId: true } });
    return first;
  });
  if (!firstDevice) {
    void sendNewDeviceNotice(userId, client).catch((error: unknown) => client.log.error({ err: error }, "new-device notice failed"));
  }
  return token === deviceToken ? null : token;
}

async function sendNewDeviceNotice(userId: string, client: SignInClient) {
  const user = await asUser(userId, (tx) => tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, preferredLocale: true } }));
  const locale = isLocale(user.preferredLocale) ? user.preferredLocale : client.locale;
  await mailer().send(
    newDeviceMail({
      to: user.email, locale, device: deviceLabel(translator(locale), describeDevice(client.userAgent)), ipAddress: client.ipAddress ?? "?", time: formatDateTime(locale, new Date()),
      sessionsUrl: `${client.appUrl.replace(/\/$/, "")}/account/sessions`,
    }),
  );
}
