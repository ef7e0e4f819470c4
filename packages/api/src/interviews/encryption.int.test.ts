import { withTenant } from "@vigil/db";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateNotesKeyEntry } from "./notes-crypto.ts";
import { callerFor, createTestUser, createTestWorkspace, type TestUser } from "../testing/index.ts";
import { createTestVisit } from "../testing/visits.ts";

const NOTES = "Was kept handcuffed to a radiator overnight at the Kruševac station.";
const configuredKeys = process.env.INTERVIEW_NOTES_KEYS;
let owner: TestUser;
let workspace: { id: string; slug: string };
let visitId: string;

beforeAll(async () => {
  owner = await createTestUser();
  workspace = await createTestWorkspace(owner);
  visitId = (await createTestVisit(workspace.id)).id;
});

afterEach(() => {
  process.env.INTERVIEW_NOTES_KEYS = configuredKeys;
});

async function record(pseudonym: string) {
  const { caller } = await callerFor(owner);
  return caller.interviews.create({ tenantSlug: workspace.slug, visitId, pseudonym, category: "detainee", consentGiven: true, notes: NOTES });
}

async function readNotes(interviewId: string) {
  const { caller } = await callerFor(owner);
  return (await caller.interviews.readNotes({ tenantSlug: workspace.slug, interviewId })).notes;
}

/** The row as the database holds it, read in SQL (no application code in between). */
async function storedRow(interviewId: string) {
  const rows = await withTenant(workspace.id, owner.id, (tx) => tx.$queryRaw<{ notes_ciphertext: Buffer; notes_key_id: string; as_text: string }[]>`
    SELECT notes_ciphertext, notes_key_id, encode(notes_ciphertext, 'escape') AS as_text FROM interviews WHERE id = ${interviewId}::uuid`);
  return rows[0]!;
}

describe("interview notes at rest", () => {
  it("the database column holds no plain text, only ciphertext and the key's id", async () => {
    const { id } = await record("D-01");
    const row = await storedRow(id);
    expect(row.notes_key_id).toBe("test");
    expect(row.notes_ciphertext.length).toBe(12 + Buffer.byteLength(NOTES) + 16);
    for (const word of ["handcuffed", "radiator", "Kruševac"]) {
      expect(row.notes_ciphertext.includes(Buffer.from(word))).toBe(false);
      expect(row.as_text).not.toContain(word);
    }
  });

  it("a tampered ciphertext or the wrong key fails to decrypt instead of showing something else", async () => {
    const { id } = await record("D-02");
    process.env.INTERVIEW_NOTES_KEYS = `test:${Buffer.alloc(32, 9).toString("base64")}`;
    await expect(readNotes(id)).rejects.toThrow();
    process.env.INTERVIEW_NOTES_KEYS = configuredKeys;

    const tampered = Buffer.from((await storedRow(id)).notes_ciphertext);
    tampered[15] = tampered[15]! ^ 0xff;
    await withTenant(workspace.id, owner.id, (tx) => tx.$executeRaw`UPDATE interviews SET notes_ciphertext = ${tampered} WHERE id = ${id}::uuid`);
    await expect(readNotes(id)).rejects.toThrow();
  });

  it("a ciphertext copied into another interview's row does not decrypt there", async () => {
    const source = await record("D-03");
    const target = await record("D-04");
    const { notes_ciphertext } = await storedRow(source.id);
    await withTenant(workspace.id, owner.id, (tx) => tx.$executeRaw`UPDATE interviews SET notes_ciphertext = ${notes_ciphertext} WHERE id = ${target.id}::uuid`);
    await expect(readNotes(target.id)).rejects.toThrow();
    expect(await readNotes(source.id)).toBe(NOTES);
  });

  it("after rotation new notes use the new key and notes written with the old key stay readable", async () => {
    const old = await record("D-05");
    process.env.INTERVIEW_NOTES_KEYS = `${generateNotesKeyEntry("next")},${configuredKeys}`;
    const fresh = await record("D-06");
    expect((await storedRow(fresh.id)).notes_key_id).toBe("next");
    expect(await readNotes(old.id)).toBe(NOTES);
    expect(await readNotes(fresh.id)).toBe(NOTES);
    const reads = await withTenant(workspace.id, null, (tx) => tx.auditEvent.count({ where: { action: "interview.notesRead", targetId: { in: [old.id, fresh.id] } } }));
    expect(reads).toBe(2);
  });
});
