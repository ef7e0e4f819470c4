import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UPLOADS_AT_ONCE } from "../core/trpc.ts";
import { callerFor, createTestUser, createTestWorkspace, recordStatements, type TestUser } from "../testing/index.ts";
import { createTestVisit } from "../testing/visits.ts";

/**
 * Uploads hold their transaction while the body arrives (decision 0244): a process holds only
 * UPLOADS_AT_ONCE of them at once, so slow or trickled uploads cannot take the whole pool.
 */
let dir: string;
let owner: TestUser;
let workspace: { id: string; slug: string };
let visitId: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vigil-upload-turns-"));
  process.env.ATTACHMENTS_DIR = dir;
  owner = await createTestUser();
  workspace = await createTestWorkspace(owner);
  visitId = (await createTestVisit(workspace.id)).id;
});

afterAll(async () => {
  delete process.env.ATTACHMENTS_DIR;
  await rm(dir, { recursive: true, force: true });
});

/** A PDF that arrives in three pieces, a moment apart, as from a slow phone. */
function slowPdf(): Readable {
  return Readable.from(
    (async function* () {
      for (const piece of ["%PDF-1.4\n", "1 0 obj << >> endobj\n", "%%EOF\n"]) {
        await sleep(40);
        yield Buffer.from(piece);
      }
    })(),
  );
}

describe("uploads at once", () => {
  it(`hold at most ${UPLOADS_AT_ONCE} transactions while their bodies arrive, and every upload is kept`, async () => {
    const count = UPLOADS_AT_ONCE * 2 + 1;
    let ids: string[] = [];
    const statements = await recordStatements(async () => {
      ids = await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const { caller } = await callerFor(owner);
          return (await caller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId: null, fileName: `note-${i}.pdf`, content: slowPdf() })).id;
        }),
      );
    });
    expect(new Set(ids).size).toBe(count);
    let open = 0;
    let most = 0;
    for (const text of statements) {
      if (/^\s*BEGIN/i.test(text)) most = Math.max(most, ++open);
      if (/^\s*(COMMIT|ROLLBACK)/i.test(text)) open--;
    }
    expect(most).toBe(UPLOADS_AT_ONCE);
  });
});
