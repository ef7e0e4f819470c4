import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseNotesKeyRing } from "./notes-crypto.ts";
import { loadDataFolderNotesKey } from "./notes-key-file.ts";

let dir: string;
const configured = process.env.INTERVIEW_NOTES_KEYS;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vigil-notes-key-"));
});
afterEach(async () => {
  process.env.INTERVIEW_NOTES_KEYS = configured;
  await rm(dir, { recursive: true, force: true });
});

describe("the data folder's interview notes key", () => {
  it("is created once, readable by its owner only, and the same key on every later start", async () => {
    const first = await loadDataFolderNotesKey(dir);
    expect(first.created).toBe(true);
    const entries = process.env.INTERVIEW_NOTES_KEYS!;
    expect(parseNotesKeyRing(entries).current.key).toHaveLength(32);
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);

    process.env.INTERVIEW_NOTES_KEYS = "";
    const second = await loadDataFolderNotesKey(dir);
    expect(second.created).toBe(false);
    expect(process.env.INTERVIEW_NOTES_KEYS).toBe(entries);
    expect((await readFile(first.file, "utf8")).trim()).toBe(entries);
  });
});
