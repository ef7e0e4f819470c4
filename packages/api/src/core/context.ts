import { randomUUID } from "node:crypto";
import { readCookie, SESSION_COOKIE, validateSessionToken, type ValidSession } from "@vigil/auth";
import { asUser } from "@vigil/db";
import { chooseLocale, translator, type Locale } from "@vigil/i18n";
import type { TFunction } from "i18next";
import { logger, type Logger } from "./logger.ts";

export const LOCALE_COOKIE = "vigil_locale";

export type SignedInUser = { id: string; email: string; name: string; preferredLocale: string | null; twoFactorEnabled: boolean };

export type Context = {
  request: Request;
  /** Headers to add to the HTTP response (Set-Cookie from sign-in and sign-out). */
  resHeaders: Headers;
  requestId: string;
  ipAddress: string | null;
  userAgent: string | null;
  session: ValidSession | null;
  user: SignedInUser | null;
  locale: Locale;
  t: TFunction;
  log: Logger;
};

/**
 * Built once per request, for HTTP calls and for loaders' server-side calls alike: reads the session
 * cookie, validates it, and picks the interface language.
 */
export async function createContext(options: { request: Request; resHeaders?: Headers; ipAddress?: string | null; requestId?: string }): Promise<Context> {
  const { request } = options;
  const cookieHeader = request.headers.get("cookie");
  const token = readCookie(cookieHeader, SESSION_COOKIE);
  const session = token ? await validateSessionToken(token) : null;
  const userRow = session
    ? await asUser(session.userId, (tx) =>
        tx.user.findUnique({
          where: { id: session.userId },
          select: { id: true, email: true, name: true, preferredLocale: true, twoFactor: { select: { enabledAt: true } } },
        }),
      )
    : null;
  const user: SignedInUser | null = userRow
    ? { id: userRow.id, email: userRow.email, name: userRow.name, preferredLocale: userRow.preferredLocale, twoFactorEnabled: Boolean(userRow.twoFactor?.enabledAt) }
    : null;
  const locale = chooseLocale({
    userPreference: user?.preferredLocale,
    cookie: readCookie(cookieHeader, LOCALE_COOKIE),
    acceptLanguage: request.headers.get("accept-language"),
  });
  const requestId = options.requestId ?? request.headers.get("x-request-id") ?? randomUUID();
  return {
    request,
    resHeaders: options.resHeaders ?? new Headers(),
    requestId,
    ipAddress: options.ipAddress ?? null,
    userAgent: request.headers.get("user-agent"),
    session: user ? session : null,
    user,
    locale,
    t: translator(locale),
    log: logger.child({ requestId, userId: user?.id }),
  };
}

/** The address links in e-mails point to: APP_URL, or the origin the request came to. */
export function appUrl(ctx: Context): string {
  return process.env.APP_URL ?? new URL(ctx.request.url).origin;
}
