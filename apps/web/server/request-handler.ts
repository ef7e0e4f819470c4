// React Router's Express adapter (@react-router/express 7, server.ts), with two things it cannot do:
// the request body is counted against a limit as it streams (413, docs/decisions/0130), and a
// request whose loader or action found the database unreachable is answered 503 (decision 0131).
import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@react-router/node";
import type { NextFunction, Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { createRequestHandler as createReactRouterHandler, type AppLoadContext, type ServerBuild } from "react-router";
import { bodyLimitFor, countedBody, declaredTooLarge, refusedMultipart, sendTooLarge, sendUnsupportedMediaType, type BodyTooLarge } from "./body-limit.ts";
import { databaseUnavailableResponse, type RequestFaults } from "./database-outage.ts";
import { matchedRoutePattern, noteRoutePattern, routeTreeOf } from "./route-pattern.ts";

type Options = {
  build: ServerBuild | (() => Promise<ServerBuild>);
  getLoadContext: (req: ExpressRequest, res: ExpressResponse, faults: RequestFaults) => AppLoadContext;
};

export function createRequestHandler({ build, getLoadContext }: Options): RequestHandler {
  const handleRequest = createReactRouterHandler(build, process.env.NODE_ENV);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const contentType = req.headers["content-type"];
      if (refusedMultipart(contentType, req.path)) return sendUnsupportedMediaType(res);
      const limit = bodyLimitFor(contentType, req.path);
      if (declaredTooLarge(req, limit)) return sendTooLarge(req, res, limit);
      let tooLarge: BodyTooLarge | undefined;
      const request = toFetchRequest(req, res, limit, (error) => (tooLarge = error));
      const faults: RequestFaults = { databaseUnavailable: false };
      const response = await handleRequest(request, getLoadContext(req, res, faults));
      if (tooLarge) {
        await response.body?.cancel();
        return sendTooLarge(req, res, tooLarge.limit);
      }
      // Only what a route answered carries its pattern; the refusals above stay `unmatched` (0250).
      const pattern = matchedRoutePattern(routeTreeOf(typeof build === "function" ? await build() : build), req.path);
      if (pattern !== undefined) noteRoutePattern(res, pattern);
      if (faults.databaseUnavailable && response.status >= 400) {
        await response.body?.cancel();
        return await sendResponse(res, databaseUnavailableResponse(request));
      }
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

function toHeaders(requestHeaders: ExpressRequest["headers"]): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(requestHeaders)) {
    if (!values) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value);
  }
  return headers;
}

function toFetchRequest(req: ExpressRequest, res: ExpressResponse, limit: number, onTooLarge: (error: BodyTooLarge) => void): Request {
  const [, hostnamePortStr] = req.app?.enabled("trust proxy") ? (req.get("X-Forwarded-Host")?.split(":") ?? []) : [];
  const [, hostPortStr] = req.get("host")?.split(":") ?? [];
  const hostnamePort = Number.parseInt(hostnamePortStr ?? "", 10);
  const hostPort = Number.parseInt(hostPortStr ?? "", 10);
  const port = Number.isSafeInteger(hostnamePort) ? hostnamePort : Number.isSafeInteger(hostPort) ? hostPort : "";
  const hostname = req.hostname.split(/[\\/?#@]/)[0] || "localhost";
  const url = new URL(`${req.protocol}://${hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  let controller: AbortController | null = new AbortController();
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: toHeaders(req.headers), signal: controller.signal };
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(countedBody(req, limit, onTooLarge));
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  if (res.destroyed || res.writableEnded) {
    await response.body?.cancel();
    return;
  }
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (!response.body) return void res.end();
  try {
    await writeReadableStreamToWritable(response.body, res);
  } catch (error) {
    if (res.destroyed || res.writableEnded) return;
    throw error;
  }
}
