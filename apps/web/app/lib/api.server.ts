import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { createCaller, createContext, DELETION_PENDING, readInWorkspace, describeError, isDatabaseUnavailable, SECOND_FACTOR_DUE, TWO_FACTOR_REQUIRED, type Context, type FieldErrors } from "@vigil/api";
import { data, redirect, type AppLoadContext } from "react-router";
import { assertRouteParams } from "./route-params";
import { readForm } from "./read-form.server";

type Caller = ReturnType<typeof createCaller>;

export type ServerApi = {
  caller: Caller;
  ctx: Context;
  /** Set-Cookie and other headers the procedures asked for; pass them on with the response. */
  headers: Headers;
  /** The workspace and the caller's role in it (workspaces.current), read once per page request. */
  workspace: (tenantSlug: string) => ReturnType<Caller["workspaces"]["current"]>;
  /** The workspace's billing state (billing.status), read once per page request. */
  billingStatus: (tenantSlug: string) => ReturnType<Caller["billing"]["status"]>;
  /**
   * A loader's reads in one transaction: the workspace queries `work` makes through the caller it gets
   * share one read transaction of that workspace (decision 0178) instead of opening one each.
   */
  inWorkspace: <T>(tenantSlug: string, work: (caller: Caller) => Promise<T>) => Promise<T>;
};

/**
 * Reads that the workspace layout and its pages both need, shared by the loaders of one page request
 * (React Router runs them at once, on one Request): the layout's call answers the page's too, so a
 * child route does not re-read what the layout has (issue 15, decision 0177). Only for GET and HEAD:
 * the loaders after an action get a new Request and read afresh.
 */
const sharedReads = new WeakMap<Request, Map<string, Promise<unknown>>>();

function sharedRead<T>(request: Request, key: string, read: () => Promise<T>): Promise<T> {
  if (request.method !== "GET" && request.method !== "HEAD") return read();
  let reads = sharedReads.get(request);
  if (!reads) sharedReads.set(request, (reads = new Map()));
  let found = reads.get(key) as Promise<T> | undefined;
  if (!found) {
    found = read();
    reads.set(key, found);
  }
  return found;
}

/**
 * An action's start: the caller's API, the submitted form (or a 400 when the body is not one), and
 * a reader of its text fields (an absent field reads as "").
 */
export async function actionRequest(request: Request, loadContext: AppLoadContext, params: Readonly<Record<string, string | undefined>> = {}) {
  const api = await serverApi(request, loadContext, params);
  const form = await readForm(request);
  return { api, form, field: (name: string) => String(form.get(name) ?? "") };
}

/**
 * Loaders and actions call the same tRPC procedures as the browser, through the server-side caller.
 * Passing the route's params checks them first: a malformed id or slug is a 404 (see route-params.ts).
 */
export async function serverApi(request: Request, loadContext: AppLoadContext, params: Readonly<Record<string, string | undefined>> = {}): Promise<ServerApi> {
  assertRouteParams(params);
  const headers = new Headers();
  if (loadContext.continuedSession) request = withSessionCookie(request, loadContext.continuedSession);
  const ctx = await createContext({ request, resHeaders: headers, ipAddress: loadContext.ipAddress, requestId: loadContext.requestId });
  const inWorkspace = <T>(tenantSlug: string, work: (caller: Caller) => Promise<T>) => readInWorkspace(ctx, tenantSlug, (shared) => work(createCaller(shared)));
  // What the layout shows of the workspace, in one transaction, whichever loader asks first.
  const layoutReads = (tenantSlug: string) =>
    sharedRead(request, `layout ${tenantSlug}`, () =>
      inWorkspace(tenantSlug, async (caller) => {
        const [current, billing] = await Promise.all([caller.workspaces.current({ tenantSlug }), caller.billing.status({ tenantSlug })]);
        return { current, billing };
      }),
    );
  return {
    caller: createCaller(ctx),
    ctx,
    headers,
    workspace: async (tenantSlug) => (await layoutReads(tenantSlug)).current,
    billingStatus: async (tenantSlug) => (await layoutReads(tenantSlug)).billing,
    inWorkspace,
  };
}

const SESSION_COOKIE = "vigil_session";

/** The request with its session cookie replaced by `token`, the other cookies kept. */
function withSessionCookie(request: Request, token: string): Request {
  const others = (request.headers.get("cookie") ?? "").split(";").map((part) => part.trim()).filter((part) => part && !part.startsWith(`${SESSION_COOKIE}=`));
  const headers = new Headers(request.headers);
  headers.set("cookie", [...others, `${SESSION_COOKIE}=${token}`].join("; "));
  return new Request(request, { headers });
}

/**
 * After an action whose procedure replaced this browser's session (its Set-Cookie names a new
 * token), the rest of this request (the loaders rendering the answer without JavaScript) reads as
 * the new session, not the old one it has just ended.
 */
export function continueOnReplacedSession(api: ServerApi, loadContext: AppLoadContext): void {
  for (const cookie of api.headers.getSetCookie()) {
    const token = new RegExp(`^${SESSION_COOKIE}=([^;]+)`).exec(cookie)?.[1];
    if (token) loadContext.continuedSession = token;
  }
}

export type ActionFailure = { ok: false; message: string; fieldErrors: FieldErrors };
export type ActionSuccess<T> = { ok: true; result: T };

/**
 * Runs a procedure for a form action. A failure becomes a translated message and per-field
 * messages for the form to show; anything unexpected is rethrown (and logged by the error boundary).
 */
export async function runAction<T>(api: ServerApi, work: () => Promise<T>): Promise<ActionSuccess<T> | ActionFailure> {
  try {
    return { ok: true, result: await work() };
  } catch (error) {
    // An unreachable database is not the form's fault: thrown on, it becomes a 503 (entry.server's handleError).
    if (!(error instanceof TRPCError) || isDatabaseUnavailable(error)) throw error;
    if (error.code === "INTERNAL_SERVER_ERROR") {
      api.ctx.log.error({ err: error.cause ?? error }, "action failed");
    }
    return { ok: false, ...describeError(error, api.ctx.t) };
  }
}

/**
 * Turns a procedure error in a loader (or an action that does not show it in a form) into the right
 * HTTP answer: a sign-in or enrolment redirect, else the status tRPC gives its code (BAD_REQUEST 400,
 * FORBIDDEN 403, NOT_FOUND 404, CONFLICT 409, ...). Only an internal error stays a 500.
 */
export function loaderError(error: unknown, request: Request): never {
  if (error instanceof TRPCError) {
    if (error.code === "UNAUTHORIZED") {
      const url = new URL(request.url);
      throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
    }
    if (error.message === TWO_FACTOR_REQUIRED) {
      const url = new URL(request.url);
      throw redirect(`/account/two-factor?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
    }
    if (error.message === SECOND_FACTOR_DUE) {
      // Enrolled, but this browser signed in with the password alone: the code, then back here (decision 0265).
      const url = new URL(request.url);
      throw redirect(`/sign-in/two-factor?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
    }
    if (error.message === DELETION_PENDING) {
      // An owner of a workspace awaiting deletion can still restore or export it there.
      const slug = new URL(request.url).pathname.split("/")[2];
      throw redirect(`/t/${slug}/security`);
    }
    const status = getHTTPStatusCodeFromError(error);
    if (status < 500) throw data(null, { status });
  }
  throw error;
}

/** Reads a form's fields as plain strings (absent fields become ""). */
export async function formFields<K extends string>(request: Request, names: readonly K[]): Promise<Record<K, string>> {
  const form = await readForm(request);
  return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? "")])) as Record<K, string>;
}
