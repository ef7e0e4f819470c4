import { isSameOriginRequest } from "@vigil/auth";
import { chooseLocale, translator } from "@vigil/i18n";
import type { RequestHandler } from "express";

/**
 * Refuses every non-GET request that the browser does not vouch for as same-origin, before any
 * route runs: form posts, /api/trpc and anything added later. (tRPC mutations check again, for
 * callers that do not come through Express.)
 */
export const sameOriginOnly: RequestHandler = (req, res, next) => {
  const expectedOrigin = new URL(process.env.APP_URL ?? `${req.protocol}://${req.get("host")}`).origin;
  const allowed = isSameOriginRequest({
    method: req.method,
    fetchSite: req.get("sec-fetch-site") ?? null,
    origin: req.get("origin") ?? null,
    expectedOrigin,
  });
  if (allowed) return next();
  const t = translator(chooseLocale({ acceptLanguage: req.get("accept-language") ?? null }));
  res.status(403).type("text/plain; charset=utf-8").send(t("errors.crossOrigin"));
};
