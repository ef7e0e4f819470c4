const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginEvidence = {
  method: string;
  /** The Sec-Fetch-Site header, if the browser sent one. */
  fetchSite: string | null;
  /** The Origin header, if any. */
  origin: string | null;
  /** This app's origin, e.g. https://vigil.example.org. */
  expectedOrigin: string;
};

/**
 * Cross-site request forgery defence for every non-GET request: the browser must say the request
 * came from this origin. `Sec-Fetch-Site` is trusted when present (all current browsers send it);
 * otherwise the `Origin` header must match. A request with neither is refused.
 */
export function isSameOriginRequest(evidence: OriginEvidence): boolean {
  if (SAFE_METHODS.has(evidence.method.toUpperCase())) return true;
  if (evidence.fetchSite) return evidence.fetchSite === "same-origin";
  if (!evidence.origin) return false;
  return evidence.origin === evidence.expectedOrigin;
}

/** The same check for a fetch Request; `appUrl` (APP_URL) names the expected origin when set. */
export function isAllowedOrigin(request: Request, appUrl?: string): boolean {
  return isSameOriginRequest({
    method: request.method,
    fetchSite: request.headers.get("sec-fetch-site"),
    origin: request.headers.get("origin"),
    expectedOrigin: new URL(appUrl ?? request.url).origin,
  });
}
