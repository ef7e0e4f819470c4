import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { createCaller, createContext, DELETION_PENDING, describeError, isDatabaseUnavailable, TWO_FACTOR_REQUIRED, type Context, type FieldErrors } from "@vigil/api";
import { data, redirect, type AppLoadContext } from "react-router";
import { assertRouteParams } from "./route-params";
import { readForm } from "./read-form.server";

export type ServerApi = {
  caller: ReturnType<typeof createCaller>;
  ctx: Context;
  /** Set-Cookie and other headers the procedures asked for; pass them on with the response. */
  headers: Headers;
};

/**
 * Loaders and actions call the same tRPC procedures as the browser, through the server-side caller.
 * Passing the route's params checks them first: a malformed id or slug is a 404 (see route-params.ts).
 */
export async function serverApi(request: Request, loadContext: AppLoadContext, params: Readonly<Record<string, string | undefined>> = {}): Promise<ServerApi> {
  assertRouteParams(params);
  const headers = new Headers();
  const ctx = await createContext({ request, resHeaders: headers, ipAddress: loadContext.ipAddress, requestId: loadContext.requestId });
  return { caller: createCaller(ctx), ctx, headers };
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
