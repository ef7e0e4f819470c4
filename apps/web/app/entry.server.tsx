// React Router's default Node entry, plus the per-request CSP nonce: every script React Router
// renders (hydration data, module imports, scroll restoration, streamed data) carries it, so the
// Content-Security-Policy needs no 'unsafe-inline'.
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import { renderToPipeableStream, type RenderToPipeableStreamOptions } from "react-dom/server";
import { isServiceUnavailable, logger, reportDatabaseUnavailable } from "@vigil/api";
import { ServerRouter, type AppLoadContext, type EntryContext, type HandleErrorFunction } from "react-router";

export const streamTimeout = 5_000;

/**
 * Every error a loader or action throws (not thrown Responses). An unreachable database is noted
 * for the request handler, which answers 503 (server/request-handler.ts), and logged once per
 * interval instead of once per request; anything else is a bug and logged with its stack, as React
 * Router's default does.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  // The database or the file store (decision 0251) cannot be reached: a 503, not a bug.
  if (isServiceUnavailable(error)) {
    (context as Partial<AppLoadContext>).faults ??= { databaseUnavailable: false };
    (context as AppLoadContext).faults.databaseUnavailable = true;
    reportDatabaseUnavailable(error);
    return;
  }
  if (request.signal.aborted) return;
  if (isRefusedCrossOriginAction(error)) {
    // A form post whose Origin is not the request's own host (React Router answers it 400): the
    // sender's doing, not a bug, so a warning without a stack rather than an error per request.
    logger.warn({ path: new URL(request.url).pathname, origin: request.headers.get("origin") }, "cross-origin action refused");
    return;
  }
  logger.error({ err: error, path: new URL(request.url).pathname }, "request failed");
};

/** React Router's own CSRF check (throwIfPotentialCSRFAttack), recognised by its exact messages: it throws plain Errors. */
const REFUSED_ORIGIN_MESSAGES = new Set([
  "The `request.url` origin does not match `origin` header from a forwarded action request. Aborting the action.",
  "`origin` header is not a valid URL. Aborting the action.",
]);

function isRefusedCrossOriginAction(error: unknown): boolean {
  return error instanceof Error && error.constructor === Error && REFUSED_ORIGIN_MESSAGES.has(error.message);
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  const nonce = loadContext.cspNonce;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? "onAllReady" : "onShellReady";
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);

    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />, {
      nonce,
      [readyOption]() {
        shellRendered = true;
        const body = new PassThrough({
          final(callback) {
            clearTimeout(timeoutId);
            timeoutId = undefined;
            callback();
          },
        });
        responseHeaders.set("Content-Type", "text/html");
        pipe(body);
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors before the shell reject and are logged by React Router; later ones only show here.
        if (shellRendered) console.error(error);
      },
    });
  });
}
