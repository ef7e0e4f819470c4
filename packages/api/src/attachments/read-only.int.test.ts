import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { withTenant } from "@vigil/db";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFakeStripe } from "../testing/billing.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, unique, type TestUser } from "../testing/index.ts";
import { createTestVisit } from "../testing/visits.ts";

/**
 * A read-only workspace (unpaid past its grace period, or cancelled) can change nothing, and still
 * reads everything (billing never locks an NPM out of its records): opening evidence is a
 * mutation only for its audit row, so it is allowed there like any read.
 */
useFakeStripe();
let dir: string;
let owner: TestUser;
let viewer: TestUser;
let workspace: { id: string; slug: string };
let visitId: string;
let attachmentId: string;
let interviewId: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vigil-read-only-"));
  process.env.ATTACHMENTS_DIR = dir;
  [owner, viewer] = await Promise.all([createTestUser(), createTestUser()]);
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, viewer, "viewer");
  visitId = (await createTestVisit(workspace.id)).id;
  const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#336699" } }).png().toBuffer();
  const { caller } = await callerFor(owner);
  attachmentId = (await caller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId: null, fileName: "cell.png", content: Readable.from([photo]) })).id;
  interviewId = (await caller.interviews.create({ tenantSlug: workspace.slug, visitId, pseudonym: "R-01", category: "detainee", consentGiven: true, notes: "Said the cell was cold at night." })).id;
  await withTenant(workspace.id, null, (tx) => tx.workspaceBilling.create({ data: { tenantId: workspace.id, stripeCustomerId: unique("cus"), planKey: "standard", status: "canceled" } }));
});

afterAll(async () => {
  delete process.env.ATTACHMENTS_DIR;
  await rm(dir, { recursive: true, force: true });
});

describe("evidence in a read-only workspace", () => {
  it("is still downloaded, previewed and shown as a thumbnail; a new upload is refused", async () => {
    const { caller } = await callerFor(viewer);
    for (const view of ["download", "preview", "thumbnail"] as const) {
      expect(await caller.attachments.open({ tenantSlug: workspace.slug, attachmentId, view })).toMatchObject({ id: attachmentId });
    }
    const { caller: ownerCaller } = await callerFor(owner);
    const refused = await refusalOf(ownerCaller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId: null, fileName: "more.png", content: Readable.from([Buffer.from("x")]) }));
    expect(refused).toBe("FORBIDDEN billingErrors.workspaceReadOnly");
  });
});

describe("interview notes in a read-only workspace", () => {
  it("are still read (and the read audited), while a new interview is refused", async () => {
    const { caller } = await callerFor(owner);
    expect((await caller.interviews.readNotes({ tenantSlug: workspace.slug, interviewId })).notes).toBe("Said the cell was cold at night.");
    const reads = await withTenant(workspace.id, null, (tx) => tx.auditEvent.findMany({ where: { action: "interview.notesRead", targetId: interviewId }, select: { actorId: true } }));
    expect(reads).toEqual([{ actorId: owner.id }]);
    const refused = await refusalOf(caller.interviews.create({ tenantSlug: workspace.slug, visitId, pseudonym: "R-02", category: "detainee", consentGiven: true }));
    expect(refused).toBe("FORBIDDEN billingErrors.workspaceReadOnly");
  });
});
