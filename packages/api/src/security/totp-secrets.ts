import { privilegedDb } from "@vigil/db/privileged";
import { decryptNotes, encryptNotes, notesKeyRing, type NotesKeyRing } from "../interviews/notes-crypto.ts";

/**
 * TOTP secrets are encrypted at rest with the interview-notes key ring and its AES-256-GCM code
 * (docs/decisions/0161, after 0070): one key ring, one rotation procedure. The secret's bytes travel
 * as base64 text through the notes cipher; the additional data binds a ciphertext to its user, so a
 * secret copied onto another account does not decrypt there.
 */
const totpAad = (userId: string) => Buffer.from(`vigil/totp-secret/v1/${userId}`, "utf8");

export type StoredTotpSecret = { totpSecret: Uint8Array; totpSecretKeyId: string | null };

export function sealTotpSecret(userId: string, secret: Uint8Array, ring: NotesKeyRing = notesKeyRing()): { totpSecret: Uint8Array<ArrayBuffer>; totpSecretKeyId: string } {
  const { ciphertext, keyId } = encryptNotes(Buffer.from(secret).toString("base64"), totpAad(userId), ring);
  return { totpSecret: new Uint8Array(ciphertext), totpSecretKeyId: keyId };
}

/** The raw secret; a row written before encryption (no key id) is still raw and read as it is. */
export function openTotpSecret(userId: string, stored: StoredTotpSecret, ring?: NotesKeyRing): Uint8Array<ArrayBuffer> {
  if (stored.totpSecretKeyId === null) return new Uint8Array(stored.totpSecret);
  return new Uint8Array(Buffer.from(decryptNotes(stored.totpSecret, stored.totpSecretKeyId, totpAad(userId), ring ?? notesKeyRing()), "base64"));
}

/**
 * The raw secret, or null when it cannot be decrypted: its key was removed from the ring or changed
 * (decision 0161). Such a secret is unusable, not a server error: code checks refuse with
 * securityErrors.totpKeyUnavailable, an unfinished enrolment is replaced, and a recovery code can
 * turn two-factor sign-in off. A key ring that is not configured at all still throws.
 */
export function readableTotpSecret(userId: string, stored: StoredTotpSecret): Uint8Array<ArrayBuffer> | null {
  if (stored.totpSecretKeyId === null) return new Uint8Array(stored.totpSecret);
  const ring = notesKeyRing();
  try {
    return openTotpSecret(userId, stored, ring);
  } catch {
    // An unknown key id (NotesKeyError) or a ciphertext that does not authenticate under this key.
    return null;
  }
}

/**
 * The one-off step for secrets stored before encryption: run at start-up after the migrations (the
 * SQL migration cannot encrypt: the key is the application's). A background job over every user, so
 * it uses the privileged handle; the conditional update leaves alone a row changed meanwhile.
 * Returns how many secrets it encrypted.
 */
export async function encryptRawTotpSecrets(): Promise<number> {
  const raw = await privilegedDb().userTwoFactor.findMany({ where: { totpSecretKeyId: null }, select: { userId: true, totpSecret: true } });
  let encrypted = 0;
  for (const row of raw) {
    const sealed = sealTotpSecret(row.userId, row.totpSecret);
    const updated = await privilegedDb().userTwoFactor.updateMany({
      where: { userId: row.userId, totpSecretKeyId: null, totpSecret: row.totpSecret },
      data: sealed,
    });
    encrypted += updated.count;
  }
  return encrypted;
}
