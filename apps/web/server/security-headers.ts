import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";

export type SecurityHeaderOptions = {
  /** Vite's development server injects styles and opens a WebSocket for hot reload. */
  development: boolean;
};

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** The Content-Security-Policy for one response: scripts only from us or carrying this response's nonce. */
function contentSecurityPolicy(nonce: string, { development }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Production styles are one linked stylesheet; Vite's dev client injects <style> tags.
    development ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    // data: for the two-factor QR code, rendered as an SVG data URL.
    "img-src 'self' data:",
    "font-src 'self'",
    development ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Sets the security headers on every response (pages, /api/trpc, static files) and a fresh
 * per-request nonce in `res.locals.cspNonce`, which React Router's entry puts on every script it
 * renders. Idempotent, so the production server can run it before its static files and the app again.
 */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  return (req, res, next) => {
    if (typeof res.locals.cspNonce === "string") return next();
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, options));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    // HSTS pins the host to HTTPS for two years; on localhost it would break every other local app.
    if (!LOCAL_HOSTS.has(req.hostname)) {
      res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    }
    next();
  };
}
