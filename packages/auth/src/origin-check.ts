const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery defence for every non-GET request: the browser must say the request
 * came from this origin. `Sec-Fetch-Site` is trusted when present (all current browsers send it);
 * otherwise the `Origin` header must match. A request with neither is refused.
 */
export function isAllowedOrigin(request: Request, appUrl?: string): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite === "same-origin";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const expected = new URL(appUrl ?? request.url).origin;
  return origin === expected;
}
