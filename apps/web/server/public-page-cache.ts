import { cachedPageFor, publicPageAnswer } from "@vigil/api/public-site";
import type { RequestHandler } from "express";
import { noteRoutePattern } from "./route-pattern.ts";

/**
 * A visitor's public page that is in the cache is answered here, before React Router (issue 17's
 * speed goal, docs/decisions/0258): the route loaders would give the very same bytes and headers
 * (they share cachedPageFor and publicPageAnswer), but only after building a fetch Request, matching
 * routes and streaming the body back through web streams, which cost more than the page itself.
 * Anything not cached already (a first visit, an unknown site, a file) goes on to the routes.
 */
const PUBLIC_PATH = /^\/p\/([^/]+)(?:\/(.*))?$/;
/** The metrics' route label of a page answered here: one bounded label, not `unmatched` (decision 0250). */
export const CACHED_PUBLIC_ROUTE = "/p/:site/* (cached)";

export const cachedPublicPages: RequestHandler = (req, res, next) => {
  if (req.method !== "GET" && req.method !== "HEAD") return next();
  const match = PUBLIC_PATH.exec(req.path);
  if (!match) return next();
  // Read as the loaders read it (URLSearchParams: the first value), not through Express's query parser.
  const queryAt = req.originalUrl.indexOf("?");
  const lang = queryAt < 0 ? null : new URLSearchParams(req.originalUrl.slice(queryAt + 1)).get("lang");
  const page = cachedPageFor(match[1]!, match[2] ?? "", lang, req.get("accept-language") ?? null);
  if (!page) return next();
  const answer = publicPageAnswer(page, req.method, req.get("if-none-match"));
  noteRoutePattern(res, CACHED_PUBLIC_ROUTE);
  res.status(answer.status).set(answer.headers);
  res.end(answer.body === null ? undefined : answer.body);
};
