import { isSameOriginRequest } from "@vigil/auth";
import { chooseLocale, translator } from "@vigil/i18n";
import type { RequestHandler } from "express";

/**
 * Refuses every non-GET request that the browser does not vouch for as same-origin, before any
 * route runs: form posts, /api/trpc and anything added later. (tRPC mutations check again, for
 * callers that do not come through Express.) The one exception is Stripe's signed webhook.
 */
export const STRIPE_WEBHOOK_PATH = "/api/stripe/webhook";

export const sameOriginOnly: RequestHandler = (req, res, next) => {
  // Stripe's webhook is a server-to-server POST that no browser vouches for. It proves itself
  // instead with a signature over the body, which its route verifies before reading anything.
  if (req.method === "POST" && req.path === STRIPE_WEBHOOK_PATH) return next();
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
