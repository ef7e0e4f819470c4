import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";

/** RFC 6238 as authenticator apps expect it: SHA-1, 30-second steps, 6 digits. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now, for clocks a little off (RFC 6238 §5.2 recommends at most one). */
const ALLOWED_DRIFT_STEPS = 1;

/** A new 160-bit TOTP secret (RFC 4226's recommended length). */
export function generateTotpSecret(): Uint8Array<ArrayBuffer> {
  const key = new Uint8Array(20);
  crypto.getRandomValues(key);
  return key;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpKeyUri(issuer: string, accountName: string, secret: Uint8Array): string {
  return createTOTPKeyURI(issuer, accountName, secret, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The secret as people type it into an authenticator app by hand (base32, in groups of four). */
export function formatTotpSecret(secret: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(secret).replace(/(.{4})(?=.)/g, "$1 ");
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for a step; tests and the e2e helper compute codes with it. */
export function totpCode(secret: Uint8Array, now = new Date()): string {
  return generateHOTP(secret, BigInt(totpStep(now)), TOTP_DIGITS);
}

/**
 * The step whose code matches, or null. Steps up to `lastUsedStep` are refused, so a code that was
 * accepted once (or an older one) cannot be replayed by someone who saw it.
 */
export function matchTotpStep(secret: Uint8Array, code: string, lastUsedStep: number | null, now = new Date()): number | null {
  const normalised = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(normalised)) return null;
  const current = totpStep(now);
  let matched: number | null = null;
  for (let step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step++) {
    const expected = new TextEncoder().encode(generateHOTP(secret, BigInt(step), TOTP_DIGITS));
    // Every candidate is compared, so timing does not tell which step matched.
    if (constantTimeEqual(expected, new TextEncoder().encode(normalised)) && (lastUsedStep === null || step > lastUsedStep)) matched = step;
  }
  return matched;
}

/** Ten single-use recovery codes such as `k7m2-9qxp-c4fz`: about 59 random bits each. */
export function generateRecoveryCodes(count = 10): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: count }, () => {
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    const chars = Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** Recovery codes are compared by hash, ignoring case, spaces and dashes. */
export function hashRecoveryCode(code: string): Uint8Array<ArrayBuffer> {
  const normalised = code.toLowerCase().replace(/[\s-]/g, "");
  return new Uint8Array(sha256(new TextEncoder().encode(normalised)));
}
