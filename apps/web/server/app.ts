import "react-router";
import express from "express";
import type { RequestFaults } from "./database-outage.ts";
import { healthRouter } from "./health.ts";
import { httpMetrics, metricsRouter } from "./metrics.ts";
import { cachedPublicPages } from "./public-page-cache.ts";
import { createRequestHandler } from "./request-handler.ts";
import { requestLog } from "./request-log.ts";
import { sameOriginOnly } from "./same-origin.ts";
import { securityHeaders } from "./security-headers.ts";

/** Exported for the entry (main.ts): its SIGTERM handler turns /readyz to 503 in this build's module. */
export { markStopping } from "./health.ts";
/** Exported for the entry too: METRICS_PORT's listener serves this build's registry (decision 0232). */
export { startMetricsListener } from "./metrics.ts";
/** Exported for the entry too: the start-up steps (migrations aside) run on this build's modules. */
export * from "./startup.ts";

declare module "react-router" {
  interface AppLoadContext {
    /** The client's address as Express sees it (TRUST_PROXY decides whether X-Forwarded-For counts). */
    ipAddress: string | null;
    /** The id under which this request is logged. */
    requestId: string;
    /** This response's Content-Security-Policy nonce, for every script the page renders. */
    cspNonce: string | undefined;
    /** What went wrong for the server's part while answering (entry.server's handleError notes it). */
    faults: RequestFaults;
    /**
     * The session token this request continues on when its action replaced the session (turning
     * two-factor on, decision 0265): without JavaScript, the loaders that render the answer run in
     * the same request, with the old cookie, whose session is gone.
     */
    continuedSession?: string;
  }
}

/** The Express app of the server build: health checks, then React Router (pages, /api/trpc). */
export const app = express();
app.set("trust proxy", process.env.TRUST_PROXY ?? false);
app.disable("x-powered-by");
/** Exported so the production server sets the same headers on its static files. */
export const securityHeadersMiddleware = securityHeaders({ development: import.meta.env.DEV });
app.use(securityHeadersMiddleware);
app.use(httpMetrics);
app.use(requestLog);
app.use(healthRouter);
app.use(metricsRouter);
app.use(sameOriginOnly);
app.use(cachedPublicPages);
app.use(
  createRequestHandler({
    build: () => import("virtual:react-router/server-build"),
    getLoadContext: (req, res, faults) => ({
      ipAddress: req.ip ?? null,
      requestId: String(req.id),
      cspNonce: typeof res.locals.cspNonce === "string" ? res.locals.cspNonce : undefined,
      faults,
    }),
  }),
);
