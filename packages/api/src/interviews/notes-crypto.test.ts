import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptNotes, encryptNotes, generateNotesKeyEntry, notesAad, parseNotesKeyRing } from "./notes-crypto.ts";

const aad = notesAad("7b0a8f0e-0000-4000-8000-000000000001", "7b0a8f0e-0000-4000-8000-000000000002");
const NOTES = "Detainee D-01 reports being hit with a baton during questioning on 11 June.";

describe("interview notes encryption", () => {
  it("round-trips, with a fresh IV each time, and holds no plain text", () => {
    const ring = parseNotesKeyRing(generateNotesKeyEntry("a"));
    const first = encryptNotes(NOTES, aad, ring);
    const second = encryptNotes(NOTES, aad, ring);
    expect(first.keyId).toBe("a");
    expect(first.ciphertext.equals(second.ciphertext)).toBe(false);
    expect(first.ciphertext.includes(Buffer.from("baton"))).toBe(false);
    expect(decryptNotes(first.ciphertext, first.keyId, aad, ring)).toBe(NOTES);
  });

  it("fails with the wrong key, a tampered byte, or another row's binding", () => {
    const ring = parseNotesKeyRing(generateNotesKeyEntry("a"));
    const { ciphertext } = encryptNotes(NOTES, aad, ring);
    const impostor = parseNotesKeyRing(`a:${randomBytes(32).toString("base64")}`);
    expect(() => decryptNotes(ciphertext, "a", aad, impostor)).toThrow();
    const tampered = Buffer.from(ciphertext);
    tampered[20] = tampered[20]! ^ 0x01;
    expect(() => decryptNotes(tampered, "a", aad, ring)).toThrow();
    const otherRow = notesAad("7b0a8f0e-0000-4000-8000-000000000001", "7b0a8f0e-0000-4000-8000-000000000003");
    expect(() => decryptNotes(ciphertext, "a", otherRow, ring)).toThrow();
    expect(() => decryptNotes(ciphertext, "unknown", aad, ring)).toThrow(/not configured/);
  });

  it("after rotation encrypts with the new first key and still reads what the old key wrote", () => {
    const oldEntry = generateNotesKeyEntry("2025");
    const written = encryptNotes(NOTES, aad, parseNotesKeyRing(oldEntry));
    const rotated = parseNotesKeyRing(`${generateNotesKeyEntry("2026")},${oldEntry}`);
    expect(encryptNotes("new", aad, rotated).keyId).toBe("2026");
    expect(decryptNotes(written.ciphertext, "2025", aad, rotated)).toBe(NOTES);
  });

  it("refuses malformed configuration", () => {
    expect(() => parseNotesKeyRing("")).toThrow();
    expect(() => parseNotesKeyRing("nokey")).toThrow();
    expect(() => parseNotesKeyRing(`a:${randomBytes(16).toString("base64")}`)).toThrow(/32 bytes/);
    expect(() => parseNotesKeyRing(`${generateNotesKeyEntry("a")},${generateNotesKeyEntry("a")}`)).toThrow(/twice/);
  });
});
