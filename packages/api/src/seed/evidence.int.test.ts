import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { withTenant } from "@vigil/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { callerFor, createTestUser, createTestWorkspace } from "../testing/index.ts";
import { seedEvidence } from "./evidence.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vigil-demo-evidence-"));
  process.env.ATTACHMENTS_DIR = dir;
});
afterAll(async () => {
  delete process.env.ATTACHMENTS_DIR;
  await rm(dir, { recursive: true, force: true });
});

it("fills the demo visits it finds with findings, a PDF and interviews whose notes decrypt; only current risks are due", async () => {
  const owner = await createTestUser();
  const workspace = await createTestWorkspace(owner);
  const visitIds = await withTenant(workspace.id, null, async (tx) => {
    const visit = async (name: string, start: string, status: "closed" | "in_progress") => {
      const place = await tx.place.create({ data: { tenantId: workspace.id, name, type: "police_custody" } });
      const created = await tx.visit.create({ data: { tenantId: workspace.id, placeId: place.id, type: "ad_hoc", nightVisit: true, plannedStart: new Date(start), plannedEnd: new Date(start), status } });
      return created.id;
    };
    return { krusevac: await visit("Police Department Kruševac", "2014-06-12", "closed"), belgrade: await visit("Belgrade District Prison", "2026-11-20", "in_progress") };
  });

  await seedEvidence({ tenantId: workspace.id, slug: workspace.slug, countryCode: "RS", ownerId: owner.id, memberIds: new Map([[owner.email, owner.id]]) });

  const { caller } = await callerFor(owner);
  const krusevac = await caller.findings.list({ tenantSlug: workspace.slug, visitId: visitIds.krusevac });
  expect(krusevac.findings).toHaveLength(3);
  expect(krusevac.findings.flatMap((f) => f.attachments).map((a) => a.contentType)).toEqual(["application/pdf"]);
  const interviews = await caller.interviews.list({ tenantSlug: workspace.slug, visitId: visitIds.krusevac });
  expect(interviews.interviews.map((i) => i.pseudonym)).toEqual(["D-01", "D-02", "S-01"]);
  const notes = await caller.interviews.readNotes({ tenantSlug: workspace.slug, interviewId: interviews.interviews[0]!.id });
  expect(notes.notes).toContain("хапшења");
  const due = await caller.interviews.followUpsDue({ tenantSlug: workspace.slug });
  expect(due.map((f) => f.visitId)).toEqual([visitIds.belgrade]);
});
