import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/**
 * Session tokens as in Lucia's current guidance: `<id>.<secret>`, both random (120 bits each).
 * The id finds the row; only SHA-256(secret) is stored, and it is compared in constant time, so a
 * leaked database does not yield usable tokens and timing does not reveal the secret.
 */
export type SessionToken = { id: string; secret: string; token: string };

export function generateSessionToken(): SessionToken {
  const id = randomString();
  const secret = randomString();
  return { id, secret, token: `${id}.${secret}` };
}

export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const parts = token.split(".");
  if (parts.length !== 2) return null;
  const [id, secret] = parts as [string, string];
  if (!/^[a-z2-7]{24}$/.test(id) || !/^[a-z2-7]{24}$/.test(secret)) return null;
  return { id, secret };
}

export function hashSecret(secret: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(sha256(new TextEncoder().encode(secret)));
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  return constantTimeEqual(hashSecret(secret), storedHash);
}

/** A random single-use token (invitations, resets): returns the token and the hash to store. */
export function generateOpaqueToken(): { token: string; hash: Uint8Array<ArrayBuffer> } {
  const token = `${randomString()}${randomString()}`;
  return { token, hash: hashSecret(token) };
}

function randomString(): string {
  const bytes = new Uint8Array(15);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}
