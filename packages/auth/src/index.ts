export { clearedSessionCookie, cookieIsSecure, readCookie, SESSION_COOKIE, sessionCookie } from "./cookies.ts";
export { isAllowedOrigin, isSameOriginRequest, type OriginEvidence } from "./origin-check.ts";
export { decoyPasswordHash, hashPassword, passwordProblem, verifyPassword, type PasswordProblem } from "./password.ts";
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules.ts";
export { clearRateLimit, rateLimitState, recordRateLimitHit, type RateLimitRule, type RateLimitState } from "./rate-limit.ts";
export { createSession, invalidateSession, invalidateUserSessions, SESSION_INACTIVITY_MS, validateSessionToken, type ValidSession } from "./sessions.ts";
export { generateOpaqueToken, generateSessionToken, hashSecret, parseSessionToken } from "./session-token.ts";
export { formatTotpSecret, generateRecoveryCodes, generateTotpSecret, hashRecoveryCode, matchTotpStep, TOTP_DIGITS, TOTP_PERIOD_SECONDS, totpCode, totpKeyUri, totpStep } from "./totp.ts";
export { clearedPendingSignInCookie, createPendingSignIn, deletePendingSignIn, findPendingSignIn, PENDING_SIGN_IN_COOKIE, pendingSignInCookie } from "./pending-sign-in.ts";
