import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Interview notes are encrypted by the application with AES-256-GCM before they reach the database,
 * so a database dump, a backup or a replica shows no interview content. The key ring comes from
 * configuration (INTERVIEW_NOTES_KEYS): the first key encrypts, every listed key decrypts, so a new
 * key can be put first while rows written under an older one stay readable (docs/decisions/0070).
 */
type NotesKey = { id: string; key: Buffer };
export type NotesKeyRing = { current: NotesKey; byId: ReadonlyMap<string, Buffer> };

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,40}$/;

class NotesKeyError extends Error {}

/** Parses `keyId:base64key[,keyId:base64key...]`; each key must decode to exactly 32 bytes. */
export function parseNotesKeyRing(config: string): NotesKeyRing {
  const entries = config.split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) throw new NotesKeyError("INTERVIEW_NOTES_KEYS is empty");
  const keys = entries.map((entry): NotesKey => {
    const separator = entry.indexOf(":");
    const id = entry.slice(0, separator);
    const key = Buffer.from(entry.slice(separator + 1), "base64");
    // The key id is stored with every row; it must never be the key itself, so it is short and plain.
    if (separator < 1 || !KEY_ID.test(id)) throw new NotesKeyError("INTERVIEW_NOTES_KEYS: each entry is keyId:base64key");
    if (key.length !== 32) throw new NotesKeyError(`INTERVIEW_NOTES_KEYS: key "${id}" is not 32 bytes of base64`);
    return { id, key };
  });
  const byId = new Map<string, Buffer>();
  for (const { id, key } of keys) {
    if (byId.has(id)) throw new NotesKeyError(`INTERVIEW_NOTES_KEYS: key id "${id}" appears twice`);
    byId.set(id, key);
  }
  return { current: keys[0]!, byId };
}

/** A fresh `keyId:base64key` entry, e.g. for the demo data folder or an operator rotating keys. */
export function generateNotesKeyEntry(id = `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}`): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

let cached: { config: string; ring: NotesKeyRing } | undefined;

/** The configured key ring; read at first use (and again if the setting changes, as tests do). */
export function notesKeyRing(): NotesKeyRing {
  const config = process.env.INTERVIEW_NOTES_KEYS;
  if (!config) throw new NotesKeyError("INTERVIEW_NOTES_KEYS is not set: interview notes cannot be encrypted");
  if (cached?.config !== config) cached = { config, ring: parseNotesKeyRing(config) };
  return cached.ring;
}

/**
 * Binds a ciphertext to its row: the tenant and the interview are authenticated with it, so notes
 * copied into another interview (or another workspace) fail to decrypt instead of being shown there.
 */
export function notesAad(tenantId: string, interviewId: string): Buffer {
  return Buffer.from(`vigil/interview-notes/v1/${tenantId}/${interviewId}`, "utf8");
}

/** iv (12 bytes) || ciphertext || tag (16 bytes), and the id of the key that made it. */
export function encryptNotes(plaintext: string, aad: Buffer, ring: NotesKeyRing = notesKeyRing()): { ciphertext: Buffer; keyId: string } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { ciphertext: Buffer.concat([iv, body, cipher.getAuthTag()]), keyId: ring.current.id };
}

/** Throws NotesKeyError for an unknown key id; GCM throws if the ciphertext, tag or row binding changed. */
export function decryptNotes(ciphertext: Uint8Array, keyId: string, aad: Buffer, ring: NotesKeyRing = notesKeyRing()): string {
  const key = ring.byId.get(keyId);
  if (!key) throw new NotesKeyError(`interview notes key "${keyId}" is not configured`);
  const data = Buffer.from(ciphertext);
  if (data.length < IV_BYTES + TAG_BYTES) throw new NotesKeyError("interview notes ciphertext is truncated");
  const decipher = createDecipheriv("aes-256-gcm", key, data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]).toString("utf8");
}
