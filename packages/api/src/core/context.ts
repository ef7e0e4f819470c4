import { randomUUID } from "node:crypto";
import { readCookie, SESSION_COOKIE, validateSession, type SessionUser, type ValidSession } from "@vigil/auth";
import { chooseLocale, translator, type Locale } from "@vigil/i18n";
import type { TFunction } from "i18next";
import pLimit, { type LimitFunction } from "p-limit";
import { logger, type Logger } from "./logger.ts";
import type { SharedWorkspace } from "./shared-workspace.ts";

export const LOCALE_COOKIE = "vigil_locale";

export type SignedInUser = SessionUser;

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
  /** A page loader's read transaction for one workspace, which its queries share (shared-workspace.ts). */
  sharedWorkspace?: SharedWorkspace;
  /**
   * Takes turns for the workspace transactions this request opens (TRANSACTIONS_PER_REQUEST at a
   * time): one HTTP batch may carry ten calls, and ten transactions at once would hold the whole pool.
   */
  transactions: LimitFunction;
};

/**
 * How many workspace transactions one request (one HTTP batch, one loader) holds at once, of the
 * pool's 10 connections (decision 0240). Two keeps a page's usual batch of two to five calls
 * quick, while a batch of ten calls, sent once or many times at once, leaves the pool to others.
 */
export const TRANSACTIONS_PER_REQUEST = 2;

type SignedIn = { session: ValidSession; user: SignedInUser } | null;

/**
 * The session look-up of each page request, shared by every context built for it: a document
 * request runs the root, layout and page loaders (each calling serverApi) on one Request object, so
 * the session and user are read once per request, not once per loader (issue 15, decision 0177).
 * Only reads are shared: an action may sign in, sign out or enrol two-factor, and React Router hands
 * the loaders that follow an action a new Request, so they see the change. Keyed weakly, so an
 * entry goes with its request.
 */
const signedInByRequest = new WeakMap<Request, Promise<SignedIn>>();

function signedInFor(request: Request, token: string | null): Promise<SignedIn> {
  if (!token) return Promise.resolve(null);
  if (request.method !== "GET" && request.method !== "HEAD") return validateSession(token);
  let found = signedInByRequest.get(request);
  if (!found) {
    found = validateSession(token);
    signedInByRequest.set(request, found);
    // A failed look-up (database unreachable) is not remembered: a retry on this request tries again.
    found.catch(() => signedInByRequest.delete(request));
  }
  return found;
}

/**
 * Built for each HTTP call and for each loader's server-side calls: reads the session cookie,
 * validates it (one statement for the session and its user, once per page request), and picks the
 * interface language.
 */
export async function createContext(options: { request: Request; resHeaders?: Headers; ipAddress?: string | null; requestId?: string }): Promise<Context> {
  const { request } = options;
  const cookieHeader = request.headers.get("cookie");
  const signedIn = await signedInFor(request, readCookie(cookieHeader, SESSION_COOKIE));
  const user = signedIn?.user ?? null;
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
    session: signedIn?.session ?? null,
    user,
    locale,
    t: translator(locale),
    log: logger.child({ requestId, userId: user?.id }),
    transactions: pLimit(TRANSACTIONS_PER_REQUEST),
  };
}

/** The address links in e-mails point to: APP_URL, or the origin the request came to. */
export function appUrl(ctx: Context): string {
  return process.env.APP_URL ?? new URL(ctx.request.url).origin;
}
