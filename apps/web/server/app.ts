import "react-router";
import { createRequestHandler } from "@react-router/express";
import express from "express";
import { healthRouter } from "./health.ts";
import { requestLog } from "./request-log.ts";
import { sameOriginOnly } from "./same-origin.ts";

declare module "react-router" {
  interface AppLoadContext {
    /** The client's address as Express sees it (TRUST_PROXY decides whether X-Forwarded-For counts). */
    ipAddress: string | null;
    /** The id under which this request is logged. */
    requestId: string;
  }
}

/** The Express app of the server build: health checks, then React Router (pages, /api/trpc). */
export const app = express();
app.set("trust proxy", process.env.TRUST_PROXY ?? false);
app.disable("x-powered-by");
app.use(requestLog);
app.use(healthRouter);
app.use(sameOriginOnly);
app.use(
  createRequestHandler({
    build: () => import("virtual:react-router/server-build"),
    getLoadContext: (req) => ({ ipAddress: req.ip ?? null, requestId: String(req.id) }),
  }),
);
